package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.client.Channel;
import org.sshstack.client.ClientSession;
import org.sshstack.client.SshClient;
import org.sshstack.keys.KeyFiles;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.server.PublicKeyAuthenticator;
import org.sshstack.server.ServerCommand;
import org.sshstack.server.SshServer;
import org.sshstack.testing.PeerTools;

/**
 * Live interop: an exec whose remote command writes 64 MiB to stdout and another 64 MiB to stderr at the same time,
 * compared by SHA-256 of both streams with memory kept bounded (streams hashed while read, both read concurrently).
 * Our {@link SshClient} against OpenSSH {@code sshd} (two {@code cat} loops over 1 MiB seeded files), and OpenSSH
 * {@code ssh} against our {@link SshServer} (a command handler writing both streams from two threads; ssh's
 * stdout and stderr go to files).
 */
class LargeOutputExecInteropTest {

    private static final int CHUNK = 1 << 20;
    private static final int CHUNKS = 64;
    private static final Duration T = Duration.ofSeconds(90);

    private static byte[] chunk(long seed) {
        byte[] data = new byte[CHUNK];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static String expectedSha256(byte[] chunk) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < CHUNKS; i++) {
            md.update(chunk);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Hashes a stream to its end; returns "bytes:sha256". */
    private static String hash(InputStream in) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            md.update(buffer, 0, n);
            total += n;
        }
        return total + ":" + HexFormat.of().formatHex(md.digest());
    }

    @Test
    void ourClientReadsBothStreamsFromSshd(@TempDir Path dir) throws Exception {
        SshKeyPair user = KeyGenerator.ed25519("user", new SecureRandom());
        Path authorized = dir.resolve("authorized_keys");
        KeyFiles.writePublicKey(authorized, user.publicKey(), "user");
        byte[] out = chunk(1);
        byte[] err = chunk(2);
        Files.write(dir.resolve("out.bin"), out);
        Files.write(dir.resolve("err.bin"), err);
        String command = "cd " + dir + " && (for i in $(seq " + CHUNKS + "); do cat out.bin; done) & (cd " + dir
                + " && for i in $(seq " + CHUNKS + "); do cat err.bin; done) >&2; wait";
        // LogLevel INFO: at DEBUG levels sshd copies debug lines into the session's stderr
        try (OpenSshServer sshd = OpenSshServer.start(Files.createDirectories(dir.resolve("sshd")),
                OpenSshServer.options().authorizedKeysFile(authorized).set("LogLevel", "INFO"));
                ClientSession s = SshClient.builder().knownHosts(dir.resolve("known_hosts")).acceptNewHostKeys()
                        .identity(user).build().connect(Loopback.HOST, sshd.port(),
                                System.getProperty("user.name"))) {
            ExecutorService readers = Executors.newFixedThreadPool(2);
            try (Channel ch = s.execStreaming(command)) {
                ch.setTimeout(T);
                ch.shutdownWrite();
                CompletableFuture<String> stdout = read(readers, ch.getInputStream());
                CompletableFuture<String> stderr = read(readers, ch.getErrorStream());
                assertThat(stdout.get(T.toSeconds(), TimeUnit.SECONDS))
                        .isEqualTo((long) CHUNK * CHUNKS + ":" + expectedSha256(out));
                assertThat(stderr.get(T.toSeconds(), TimeUnit.SECONDS))
                        .isEqualTo((long) CHUNK * CHUNKS + ":" + expectedSha256(err));
                assertThat(ch.recvExitStatus()).isZero();
            } finally {
                readers.shutdownNow();
            }
        }
    }

    private static CompletableFuture<String> read(ExecutorService pool, InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return hash(in);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, pool);
    }

    @Test
    void opensshClientReadsBothStreamsFromOurServer(@TempDir Path dir) throws Exception {
        Path ssh = PeerTools.require("ssh");
        SshKeyPair user = KeyGenerator.ed25519("user", new SecureRandom());
        Path key = dir.resolve("id_ed25519");
        KeyFiles.writePrivateKey(key, user, null, new SecureRandom());
        byte[] out = chunk(3);
        byte[] err = chunk(4);
        ExecutorService executor = Executors.newCachedThreadPool();
        try (SshServer server = SshServer.builder().hostKey(KeyGenerator.ed25519("host", new SecureRandom()))
                .executor(executor).publicKeyAuthenticator(PublicKeyAuthenticator.authorizedKeys(
                        List.of(user.publicKey())))
                .commandHandler(c -> writeBoth(c, out, err)).build().start()) {
            List<String> line = OpenSshClient.create(dir).identity(key).option("LogLevel", "ERROR")
                    .commandLine(server.getPort(), "bob", "big");
            line.remove("-vvv"); // its debug log would mix into the stderr being compared
            Path stdout = dir.resolve("stdout.bin");
            Path stderr = dir.resolve("stderr.bin");
            Process p = new ProcessBuilder(line).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null")
                    .toFile())).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!p.waitFor(T.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("ssh did not finish within " + T);
            }
            assertThat(p.exitValue()).as(() -> tail(stderr)).isZero();
            try (InputStream in = Files.newInputStream(stdout); InputStream e = Files.newInputStream(stderr)) {
                assertThat(hash(in)).isEqualTo((long) CHUNK * CHUNKS + ":" + expectedSha256(out));
                assertThat(hash(e)).as(() -> tail(stderr)).isEqualTo((long) CHUNK * CHUNKS + ":"
                        + expectedSha256(err));
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /** Writes the chunk 64 times to stdout and, from a second thread at the same time, to stderr. */
    private static int writeBoth(ServerCommand c, byte[] out, byte[] err) throws Exception {
        CompletableFuture<Void> errors = CompletableFuture.runAsync(() -> repeat(c.stderr(), err));
        repeat(c.stdout(), out);
        errors.get(T.toSeconds(), TimeUnit.SECONDS);
        return 0;
    }

    private static void repeat(OutputStream target, byte[] chunk) {
        try {
            for (int i = 0; i < CHUNKS; i++) {
                target.write(chunk);
            }
            target.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String tail(Path file) {
        try {
            byte[] all = Files.readAllBytes(file);
            return new String(all, Math.max(0, all.length - 2000), Math.min(all.length, 2000),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
