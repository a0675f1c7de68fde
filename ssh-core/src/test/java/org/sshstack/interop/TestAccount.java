package org.sshstack.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.List;
import org.sshstack.client.ClientSession;
import org.sshstack.client.ExecResult;
import org.sshstack.client.SshClient;
import org.sshstack.testing.PeerTools;

/**
 * The throwaway system account {@value #NAME} that live login tests log in as (password, keyboard-interactive,
 * keys in its own {@code ~/.ssh/authorized_keys}), never root's real account. {@code .ci/run} creates it before
 * Maven; tests running as root create it when missing and (re)set its password. Not root: skipped on a laptop,
 * failing under {@code CI=true} (like {@link PeerTools#require}). Account changes and authorized_keys writes hold
 * an exclusive lock file, so parallel test JVMs do not race.
 */
public final class TestAccount {

    /** The account's name. */
    public static final String NAME = "sshstack-test";

    /**
     * Its password: a test constant, deliberately in the repository (also in {@code .ci/run}); the account exists
     * only for loopback tests.
     */
    public static final String PASSWORD = "sshstack-Test-pw-1";

    private static final Path DEFAULT_HOME = Path.of("/home", NAME);
    private static final Path LOCK = Path.of(System.getProperty("java.io.tmpdir"), NAME + ".lock");
    private static final Duration T = Duration.ofSeconds(30);

    private final Path home;

    private TestAccount(Path home) {
        this.home = home;
    }

    /**
     * @return the account, created (as root) if missing, its password set to {@link #PASSWORD}
     * @throws org.opentest4j.TestAbortedException when not root, on a laptop
     * @throws AssertionError when not root under CI
     */
    public static TestAccount require() throws IOException, InterruptedException {
        if (!Privileges.isRoot()) {
            String why = "logging in as " + NAME + " needs root (to create it, write its authorized_keys, run sshd)";
            if (PeerTools.underCi()) {
                throw new AssertionError(why + "; CI runs as root");
            }
            assumeTrue(false, why + "; skipping (set CI=true to make this a failure)");
        }
        try (FileChannel lock = lock()) {
            Path home = lookupHome();
            if (home == null) {
                PeerTools.run("useradd", "--create-home", "--home-dir", DEFAULT_HOME.toString(), "--shell", "/bin/sh",
                        "--user-group", "--comment", "sshstack throwaway test account", NAME).assertSuccess();
                home = lookupHome();
            }
            PeerTools.runWithInput((NAME + ":" + PASSWORD + "\n").getBytes(StandardCharsets.UTF_8), "chpasswd")
                    .assertSuccess();
            TestAccount account = new TestAccount(home);
            account.own(Files.createDirectories(home), "rwx------");
            return account;
        }
    }

    /** @return the HOME field of the account's passwd entry, or null when there is no such account */
    private static Path lookupHome() throws IOException, InterruptedException {
        List<String> entries = Files.isExecutable(Path.of("/usr/bin/getent"))
                ? PeerTools.run("getent", "passwd", NAME).stdout().lines().toList()
                : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8);
        for (String entry : entries) {
            String[] fields = entry.split(":", -1); // name:password:uid:gid:gecos:home:shell
            if (fields.length == 7 && fields[0].equals(NAME)) {
                return Path.of(fields[5]);
            }
        }
        return null;
    }

    /** @return the lock file's channel, holding an exclusive lock that closing the channel releases */
    private static FileChannel lock() throws IOException {
        FileChannel channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            channel.lock();
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** @return the account's home directory */
    public Path home() {
        return home;
    }

    /**
     * Writes the account's {@code ~/.ssh/authorized_keys} (directory 0700, file 0600, both owned by the account)
     * and holds the lock until closed; closing deletes the file again.
     *
     * @param lines the authorized_keys lines
     * @return the grant; close it when the test is done
     */
    public AuthorizedKeys authorize(List<String> lines) throws IOException {
        FileChannel lock = lock();
        try {
            Path ssh = own(Files.createDirectories(home.resolve(".ssh")), "rwx------");
            Path file = ssh.resolve("authorized_keys");
            Files.write(file, lines, StandardCharsets.UTF_8);
            return new AuthorizedKeys(own(file, "rw-------"), lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private Path own(Path path, String mode) throws IOException {
        UserPrincipalLookupService names = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(names.lookupPrincipalByName(NAME));
        view.setGroup(names.lookupPrincipalByGroupName(NAME));
        view.setPermissions(PosixFilePermissions.fromString(mode));
        return path;
    }

    /**
     * Logs in as the account on loopback and runs {@code id -un}.
     *
     * @param client the configured client
     * @param port the server's port
     * @return what {@code id -un} printed, stripped (the account's name when the login worked)
     */
    public static String whoami(SshClient client, int port) throws IOException {
        try (ClientSession s = client.connect(Loopback.HOST, port, NAME)) {
            ExecResult r = s.exec("id -un", T);
            if (r.exitStatus() != 0) {
                throw new AssertionError("id -un exited with " + r.exitStatus() + ": " + r.stderrText());
            }
            return r.stdoutText().strip();
        }
    }

    /** A written authorized_keys file and the lock that guards it; closing deletes the file. */
    public static final class AuthorizedKeys implements AutoCloseable {

        private final Path file;
        private final FileChannel lock;

        private AuthorizedKeys(Path file, FileChannel lock) {
            this.file = file;
            this.lock = lock;
        }

        /** @return the file */
        public Path file() {
            return file;
        }

        /** Deletes the file and releases the lock. */
        @Override
        public void close() throws IOException {
            try (FileChannel held = lock) {
                Files.deleteIfExists(file);
            }
        }
    }

}
