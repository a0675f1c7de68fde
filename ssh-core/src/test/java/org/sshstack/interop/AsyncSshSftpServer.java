package org.sshstack.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * AsyncSSH's SFTP server on 127.0.0.1 ({@code asyncssh_server.py --sftp-root}): user {@link AsyncSshServer#USER}
 * with password {@link AsyncSshServer#PASSWORD}; clients see {@link #root()} as "/".
 */
final class AsyncSshSftpServer implements ServerFixture {

    private final PeerProcess process;
    private final int port;
    private final Path root;

    private AsyncSshSftpServer(PeerProcess process, int port, Path root) {
        this.process = process;
        this.port = port;
        this.root = root;
    }

    /**
     * @param dir a temporary directory owned by the test (the root is {@code dir/root})
     * @return the running server
     */
    static AsyncSshSftpServer start(Path dir) throws IOException, InterruptedException {
        Path root = Files.createDirectories(dir.resolve("root")).toAbsolutePath();
        PythonPeers.Started started = PythonPeers.startServer(dir, "asyncssh", "asyncssh_server.py",
                List.of("--sftp-root", root.toString()));
        return new AsyncSshSftpServer(started.process(), started.port(), root);
    }

    /** @return the local directory clients see as "/" */
    Path root() {
        return root;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String log() {
        return process.log();
    }

    @Override
    public void close() {
        process.close();
    }
}
