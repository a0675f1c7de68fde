package org.sshstack.sftp.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.sshstack.SshProtocolException;
import org.sshstack.sftp.ExtensionPair;
import org.sshstack.sftp.SftpExtensionNames;
import org.sshstack.sftp.SftpFramer;
import org.sshstack.sftp.SftpHello;
import org.sshstack.sftp.SftpPacketType;
import org.sshstack.sftp.SftpRequest;
import org.sshstack.sftp.SftpRequestDecoder;
import org.sshstack.sftp.SftpStatusCode;
import org.sshstack.sftp.SymlinkArgumentOrder;

/**
 * An SFTP version 3 server (draft-ietf-secsh-filexfer-02 with the OpenSSH extensions of PROTOCOL §4) over a
 * pair of streams, typically the stdin and stdout of an SSH "sftp" subsystem channel.
 *
 * <p>Each user is jailed in the root directory the configuration maps it to ({@link SftpRoot}). Requests are
 * served in order on the calling thread, so nothing is queued: the number of requests in flight is bounded by
 * the channel window, and the open handles by {@link SftpServerConfig#maxHandles()}. A malformed packet or one
 * above {@link SftpServerConfig#maxPacketLength()} ends the session with {@link SshProtocolException}; an
 * unknown request type is answered SSH_FX_OP_UNSUPPORTED; every other failure is a STATUS reply.
 * Thread-safe: one instance serves any number of sessions, each on its own thread.
 */
public final class SftpServer {

    private static final int READ_CHUNK = 64 * 1024;

    private final SftpServerConfig config;
    private Consumer<SftpRoot> rootHook = root -> { };

    /** @param config the settings */
    public SftpServer(SftpServerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Test seam (package-private): sees each session's jail before the first request. */
    void onRoot(Consumer<SftpRoot> hook) {
        rootHook = Objects.requireNonNull(hook, "hook");
    }

    /** @return the settings */
    public SftpServerConfig config() {
        return config;
    }

    /**
     * Serves one session until the client closes its side; closes every handle the session left open. SYMLINK's
     * paths are read in OpenSSH's order.
     *
     * @param user the authenticated user (chooses the root)
     * @param in the client's packets
     * @param out receives the replies (flushed whenever no further request is waiting)
     * @throws SshProtocolException if the client sent a malformed packet (the session is over)
     * @throws IOException if a stream fails or the user's root cannot be opened
     */
    public void serve(String user, InputStream in, OutputStream out) throws IOException {
        serve(user, in, out, SymlinkArgumentOrder.OPENSSH);
    }

    /**
     * Serves one session like {@link #serve(String, InputStream, OutputStream)}, reading SYMLINK's paths in the
     * order this client sends them (see {@link SymlinkArgumentOrder#forPeer}).
     *
     * @param user the authenticated user (chooses the root)
     * @param in the client's packets
     * @param out receives the replies
     * @param symlinkOrder the order of SYMLINK's paths
     * @throws SshProtocolException if the client sent a malformed packet (the session is over)
     * @throws IOException if a stream fails or the user's root cannot be opened
     */
    public void serve(String user, InputStream in, OutputStream out, SymlinkArgumentOrder symlinkOrder)
            throws IOException {
        Objects.requireNonNull(symlinkOrder, "symlinkOrder");
        Path rootDir = Objects.requireNonNull(config.roots().apply(user), "no SFTP root for the user");
        SftpRoot root = new SftpRoot(rootDir, config.symlinks());
        rootHook.accept(root);
        SftpSession session = new SftpSession(config, user, root, symlinkOrder);
        try {
            loop(session, in, out);
        } finally {
            session.close();
        }
    }

    private void loop(SftpSession session, InputStream in, OutputStream out) throws IOException {
        SftpFramer framer = new SftpFramer(config.maxPacketLength());
        byte[] chunk = new byte[READ_CHUNK];
        boolean started = false;
        int n;
        while ((n = in.read(chunk)) >= 0) {
            for (int used = 0; used < n; ) {
                used += framer.feed(chunk, used, n - used);
                byte[] packet = framer.next();
                if (packet != null) {
                    out.write(answer(session, packet, started));
                    started = true;
                }
            }
            if (in.available() == 0) {
                out.flush();
            }
        }
        out.flush();
    }

    /** Answers one packet; a packet the codec cannot take apart ends the session, never as an unchecked error. */
    private static byte[] answer(SftpSession session, byte[] packet, boolean started) throws SshProtocolException {
        try {
            return started ? reply(session, packet) : hello(packet);
        } catch (RuntimeException malformed) {
            throw new SshProtocolException("malformed SFTP packet of type " + (packet[0] & 0xff));
        }
    }

    /** filexfer-02 §4: the first packet must be INIT; we answer version 3 whatever the client offers. */
    private static byte[] hello(byte[] packet) throws SshProtocolException {
        SftpHello init = SftpHello.decode(packet);
        if (init.type() != SftpPacketType.INIT) {
            throw new SshProtocolException("SFTP session did not start with INIT");
        }
        List<ExtensionPair> extensions = new ArrayList<>();
        for (String name : RequestNames.extensions()) {
            extensions.add(new ExtensionPair(name, SftpExtensionNames.versionOf(name)));
        }
        return SftpHello.version(extensions).encode();
    }

    private static byte[] reply(SftpSession session, byte[] packet) throws SshProtocolException {
        int type = packet[0] & 0xff;
        if (!RequestNames.isRequest(type)) {
            int id = (int) SftpRequestDecoder.peekId(packet);
            return Statuses.status(id, SftpStatusCode.OP_UNSUPPORTED, "Unsupported request type " + type).encode();
        }
        SftpRequest request = SftpRequestDecoder.decode(packet);
        return session.serve(request).encode();
    }
}
