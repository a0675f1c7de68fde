package org.sshstack.client;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.sftp.server.SftpServer;
import org.sshstack.sftp.server.SftpServerConfig;

/**
 * Serves SFTP on a server-mode {@link Transport}: paramiko's {@code set_subsystem_handler('sftp', SFTPServer, ...)}
 * in Java form, {@code transport.setSubsystemHandler("sftp", SftpSubsystemHandler.factory(config))}.
 *
 * <p>Each "sftp" subsystem request (RFC 4254 §6.5) runs one {@link SftpServer} session on the channel's streams,
 * jailed in the root the configuration maps the transport's authenticated user to. The session ends when the
 * client closes its side of the channel (or the transport closes); the transport then closes the channel.
 * Stateless apart from the server, which is thread-safe: one instance may serve every request.
 */
public final class SftpSubsystemHandler implements SubsystemHandler {

    private final SftpServer server;

    /** @param server the SFTP server whose sessions this handler runs */
    public SftpSubsystemHandler(SftpServer server) {
        this.server = Objects.requireNonNull(server, "server");
    }

    /** @param config the SFTP server settings (roots, read-only, limits) */
    public SftpSubsystemHandler(SftpServerConfig config) {
        this(new SftpServer(config));
    }

    /**
     * @param config the SFTP server settings
     * @return a factory for {@link Transport#setSubsystemHandler} that hands out one shared handler
     */
    public static Supplier<SftpSubsystemHandler> factory(SftpServerConfig config) {
        SftpSubsystemHandler handler = new SftpSubsystemHandler(config);
        return () -> handler;
    }

    /** @return the SFTP server this handler runs */
    public SftpServer server() {
        return server;
    }

    /**
     * Serves one SFTP session on the channel until the client closes it.
     *
     * @param name the subsystem name (normally "sftp")
     * @param transport the server-mode transport; its authenticated user chooses the SFTP root
     * @param channel the subsystem's channel
     * @throws SshException if no user has authenticated on the transport, or the client broke the SFTP protocol
     * @throws IOException if the channel fails or the user's root cannot be opened
     */
    @Override
    public void startSubsystem(String name, Transport transport, Channel channel) throws IOException {
        String user = transport.getUsername();
        if (user == null) {
            throw new SshException(DisconnectReason.PROTOCOL_ERROR, "SFTP requested before authentication");
        }
        server.serve(user, channel.getInputStream(), channel.getOutputStream());
    }
}
