package org.sshstack.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.sshstack.keys.KeyFiles;
import org.sshstack.server.SshServer;
import org.sshstack.sftp.server.SftpServerConfig;

/**
 * Our server as an {@link SftpTarget}: {@link SshServer} with {@code sftp(...)} on loopback, user {@link #USER}
 * authorized with a fresh Ed25519 key, jailed in a temporary root that clients see as "/" (symlink creation on, so
 * every client operation can be tried).
 */
final class OurSftpTarget implements SftpTarget {

    /** The one user the server accepts. */
    static final String USER = "tester";

    private final SshServer server;
    private final ExecutorService executor;
    private final Path clientKey;
    private final Path hostPublicKey;
    private final Path root;

    private OurSftpTarget(SshServer server, ExecutorService executor, Path clientKey, Path hostPublicKey, Path root) {
        this.server = server;
        this.executor = executor;
        this.clientKey = clientKey;
        this.hostPublicKey = hostPublicKey;
        this.root = root;
    }

    /**
     * @param dir an empty temporary directory owned by the test
     * @return the running server with an empty root directory
     */
    static OurSftpTarget start(Path dir) throws IOException, InterruptedException {
        Path key = SshdSftpTarget.clientKey(Files.createDirectories(dir.resolve("client")));
        byte[] accepted = KeyFiles.readPrivateKey(key, null).publicKey().blob();
        Path hostKey = HostKeys.generate(dir.resolve("host_ed25519"), "ed25519");
        Path root = Files.createDirectories(dir.resolve("root")).toAbsolutePath();
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            SshServer server = SshServer.builder().hostKeyFile(hostKey).executor(executor)
                    .publicKeyAuthenticator((user, offered) -> user.equals(USER)
                            && Arrays.equals(offered.blob(), accepted))
                    .sftp(SftpServerConfig.builder(root).allowSymlinkCreation(true).build())
                    .build().start();
            return new OurSftpTarget(server, executor, key, Path.of(hostKey + ".pub"), root);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
    }

    @Override
    public String name() {
        return "sshstack";
    }

    @Override
    public int port() {
        return server.getPort();
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public Path clientKey() {
        return clientKey;
    }

    @Override
    public List<Path> hostPublicKeys() {
        return List.of(hostPublicKey);
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public String remotePath(String relative) {
        return "/" + relative;
    }

    @Override
    public String log() {
        return "(our server runs in the test JVM: see the test output)";
    }

    @Override
    public void close() {
        server.close();
        executor.shutdownNow();
    }
}
