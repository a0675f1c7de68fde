package org.sshstack.client;

import java.io.InterruptedIOException;
import org.sshstack.SshException;
import org.sshstack.sftp.SymlinkArgumentOrder;
import org.sshstack.sftp.client.SftpClient;
import org.sshstack.sftp.client.SftpClientOptions;
import org.sshstack.transport.Identification;

/**
 * Starts an {@link SftpClient} on a session channel: the "sftp" subsystem (RFC 4254 §6.5), then SFTP INIT. The
 * SYMLINK path order follows the server's identification string ({@link SymlinkArgumentOrder#forPeer}).
 */
final class SftpSubsystem {

    private SftpSubsystem() {
    }

    /**
     * @param channel a freshly opened session channel; owned by the client from now on (closed with it)
     * @param options the client settings; their timeout also bounds every channel read and write; their SYMLINK
     *     order is replaced by the one the server's version calls for
     * @return the client
     */
    static SftpClient start(Channel channel, SftpClientOptions options) throws SshException, InterruptedIOException {
        try {
            channel.setTimeout(options.timeout());
            channel.invokeSubsystem("sftp");
            String serverVersion = channel.io().driver().withEngine(
                    e -> e.transport().peerIdentification().map(Identification::line).orElse(""));
            return SftpClient.open(channel.getInputStream(), channel.getOutputStream(),
                    options.withSymlinkOrder(SymlinkArgumentOrder.forPeer(serverVersion)), channel);
        } catch (SshException | InterruptedIOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
