package org.sshstack.sftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.event.SftpOperationCompleted;
import org.sshstack.event.SshEventListener;
import org.sshstack.interop.OpenSshClient;
import org.sshstack.keys.KeyFiles;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.server.SshServer;
import org.sshstack.testing.PeerTools;

/**
 * Our SSH server with {@code .sftp(...)} against OpenSSH {@code sftp -b} over a real loopback connection:
 * put/get/ls/mkdir/rename/rm with contents compared by SHA-256, the failures of OpenSSH regress
 * sftp-badcmds.sh, and the jail seen from a real client.
 */
class SftpServerOpenSshTest {

    private static final Duration T = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<SftpOperationCompleted> events = new CopyOnWriteArrayList<>();
    private SshServer server;
    private Path root;
    private Path key;

    @BeforeEach
    void start() throws Exception {
        PeerTools.require("sftp");
        key = dir.resolve("id_ed25519");
        PeerTools.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "", "-f", key.toString()).assertSuccess();
        SshPublicKey trusted = KeyFiles.readPublicKey(Path.of(key + ".pub")).key();
        root = Files.createDirectories(dir.resolve("jail/alice"));
        Files.writeString(dir.resolve("jail/outside.txt"), "outside");
        SshEventListener listener = new SshEventListener() {
            @Override
            public void sftpOperationCompleted(SftpOperationCompleted event) {
                events.add(event);
            }
        };
        SftpServerConfig sftp = SftpServerConfig.builder(user -> dir.resolve("jail").resolve(user))
                .listener(listener).build();
        server = SshServer.builder().hostKey(KeyGenerator.ed25519("host", new SecureRandom())).executor(executor)
                .publicKeyAuthenticator((u, k) -> u.equals("alice") && java.util.Arrays.equals(k.blob(), trusted.blob()))
                .sftp(sftp).build().start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        executor.shutdownNow();
    }

    @Test
    void putGetLsMkdirRenameRm() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new SecureRandom().nextBytes(content);
        Path local = Files.write(dir.resolve("upload.bin"), content);
        PeerTools.Result r = batch("mkdir incoming", "put " + local + " incoming/file.bin", "ls -l incoming",
                "rename incoming/file.bin incoming/renamed.bin", "get incoming/renamed.bin " + dir.resolve("down.bin"),
                "pwd", "rm incoming/renamed.bin", "rmdir incoming");
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(sha256(Files.readAllBytes(dir.resolve("down.bin")))).isEqualTo(sha256(content));
        assertThat(r.stdout()).contains("file.bin").contains("Remote working directory: /");
        try (var list = Files.list(root)) {
            assertThat(list).isEmpty();
        }
        assertThat(events).anyMatch(e -> e.operation().equals("write") && e.status().equals("OK"));
        long written = events.stream().filter(e -> e.operation().equals("write")).mapToLong(e -> e.bytes()).sum();
        assertThat(written).isEqualTo(content.length);
    }

    @Test
    void badCommandsFailLikeSftpBadcmds() throws Exception {
        Files.createDirectory(root.resolve("dir"));
        Files.writeString(root.resolve("file"), "file");
        assertThat(batch("get nonexistent " + dir.resolve("x")).exitCode()).isNotZero();
        assertThat(batch("put " + dir.resolve("nonexistent") + " x").exitCode()).isNotZero();
        assertThat(batch("rename nonexistent x").exitCode()).isNotZero();
        assertThat(batch("rename file dir").exitCode()).isNotZero();
        assertThat(batch("get ../outside.txt " + dir.resolve("stolen")).exitCode()).isNotZero();
        assertThat(batch("cd ..").exitCode()).isNotZero();
        assertThat(dir.resolve("stolen")).doesNotExist();
        assertThat(root.resolve("file")).hasContent("file");
        assertThat(dir.resolve("jail/outside.txt")).hasContent("outside");
    }

    private PeerTools.Result batch(String... commands) throws Exception {
        Path file = dir.resolve("batch");
        Files.write(file, List.of(commands));
        List<String> ssh = OpenSshClient.create(dir).identity(key).commandLine(server.getPort(), "alice");
        List<String> line = new ArrayList<>(List.of(PeerTools.require("sftp").toString(), "-b", file.toString()));
        for (int i = 1; i < ssh.size() - 1; i++) {
            String word = ssh.get(i);
            if (!word.equals("-vvv")) {
                line.add(word.equals("-p") ? "-P" : word);
            }
        }
        line.add(ssh.get(ssh.size() - 1));
        return PeerTools.runIn(dir, Map.of(), T, null, line.toArray(String[]::new));
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
