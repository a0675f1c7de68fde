package org.sshstack.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The reference {@link SftpTarget}: OpenSSH's sshd on loopback running {@code /usr/lib/openssh/sftp-server} (or
 * {@code internal-sftp} where that binary is missing) as the "sftp" subsystem, the running user authorized with a
 * fresh Ed25519 key. Remote paths are the absolute local paths below a temporary root.
 */
public final class SshdSftpTarget implements SftpTarget {

    private static final Path SFTP_SERVER = Path.of("/usr/lib/openssh/sftp-server");

    private final OpenSshServer sshd;
    private final Path clientKey;
    private final Path root;

    private SshdSftpTarget(OpenSshServer sshd, Path clientKey, Path root) {
        this.sshd = sshd;
        this.clientKey = clientKey;
        this.root = root;
    }

    /**
     * @param dir an empty temporary directory owned by the test
     * @return the running server with an empty root directory
     */
    public static SshdSftpTarget start(Path dir) throws IOException, InterruptedException {
        return start(dir, OpenSshServer.options());
    }

    /**
     * @param dir an empty temporary directory owned by the test
     * @param options sshd settings (the subsystem and the authorized keys file are set here)
     * @return the running server with an empty root directory
     */
    public static SshdSftpTarget start(Path dir, OpenSshServer.Options options)
            throws IOException, InterruptedException {
        Path key = clientKey(Files.createDirectories(dir.resolve("client")));
        Path authorized = dir.resolve("authorized_keys");
        Files.writeString(authorized, Files.readString(Path.of(key + ".pub"), StandardCharsets.UTF_8));
        String subsystem = Files.isExecutable(SFTP_SERVER) ? SFTP_SERVER.toString() : "internal-sftp";
        OpenSshServer sshd = OpenSshServer.start(Files.createDirectories(dir.resolve("sshd")),
                options.hostKeyTypes("ed25519").authorizedKeysFile(authorized).set("Subsystem", "sftp " + subsystem));
        return new SshdSftpTarget(sshd, key, Files.createDirectories(dir.resolve("root")).toAbsolutePath());
    }

    /**
     * @param dir where to write it
     * @return a fresh unencrypted Ed25519 key file {@code id_ed25519} (public key next to it)
     */
    static Path clientKey(Path dir) throws IOException, InterruptedException {
        return HostKeys.generate(dir.resolve("id_ed25519"), "ed25519");
    }

    @Override
    public String name() {
        return "sshd sftp-server";
    }

    @Override
    public int port() {
        return sshd.port();
    }

    @Override
    public String user() {
        return System.getProperty("user.name");
    }

    @Override
    public Path clientKey() {
        return clientKey;
    }

    @Override
    public List<Path> hostPublicKeys() {
        return List.of(Path.of(sshd.hostKey("ed25519") + ".pub"));
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public String remotePath(String relative) {
        return relative.isEmpty() ? root.toString() : root.resolve(relative).toString();
    }

    @Override
    public String log() {
        return sshd.log();
    }

    @Override
    public void close() {
        sshd.close();
    }
}
