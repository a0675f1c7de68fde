package org.sshstack.client;

import java.io.InterruptedIOException;
import org.sshstack.SshException;
import org.sshstack.sftp.client.SftpClient;
import org.sshstack.sftp.client.SftpClientOptions;

/** Starts an {@link SftpClient} on a session channel: the "sftp" subsystem (RFC 4254 §6.5), then SFTP INIT. */
final class SftpSubsystem {

    private SftpSubsystem() {
    }

    /**
     * @param channel a freshly opened session channel; owned by the client from now on (closed with it)
     * @param options the client settings; their timeout also bounds every channel read and write
     * @return the client
     */
    static SftpClient start(Channel channel, SftpClientOptions options) throws SshException, InterruptedIOException {
        try {
            channel.setTimeout(options.timeout());
            channel.invokeSubsystem("sftp");
            return SftpClient.open(channel.getInputStream(), channel.getOutputStream(), options, channel);
        } catch (SshException | InterruptedIOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
