package org.sshstack.interop;

import java.io.IOException;
import java.nio.file.Path;
import org.sshstack.client.ClientSession;
import org.sshstack.client.SshClient;
import org.sshstack.sftp.client.SftpClient;

/**
 * Our SFTP client for the interop tests: an {@link SshClient} session and its {@link ClientSession#sftp()} client;
 * closing it closes the client (and its channel) and the session.
 */
final class OurSftpClient implements AutoCloseable {

    private final ClientSession session;
    private final SftpClient sftp;

    private OurSftpClient(ClientSession session, SftpClient sftp) {
        this.session = session;
        this.sftp = sftp;
    }

    /**
     * Connects with a key, accepting the server's host key on first use (a known_hosts file in {@code dir}).
     *
     * @param target the server
     * @param dir a temporary directory for known_hosts
     * @return the connected client
     */
    static OurSftpClient connect(SftpTarget target, Path dir) throws IOException {
        SshClient client = SshClient.builder().knownHosts(dir.resolve("our_known_hosts")).acceptNewHostKeys()
                .identityFile(target.clientKey(), null).build();
        return open(client.connect(target.host(), target.port(), target.user()));
    }

    /**
     * Connects with a password, accepting the server's host key on first use.
     *
     * @param fixture the server
     * @param user the login name
     * @param password its password
     * @param dir a temporary directory for known_hosts
     * @return the connected client
     */
    static OurSftpClient connect(ServerFixture fixture, String user, String password, Path dir) throws IOException {
        SshClient client = SshClient.builder().knownHosts(dir.resolve("our_known_hosts")).acceptNewHostKeys()
                .password(password.toCharArray()).build();
        return open(client.connect(fixture.host(), fixture.port(), user));
    }

    private static OurSftpClient open(ClientSession session) throws IOException {
        try {
            return new OurSftpClient(session, session.sftp());
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** @return the SFTP client */
    SftpClient sftp() {
        return sftp;
    }

    @Override
    public void close() {
        sftp.close();
        session.close();
    }
}
