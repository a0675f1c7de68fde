package org.sshstack.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.keys.authorizedkeys.AuthorizedKeys;
import org.sshstack.keys.authorizedkeys.AuthorizedKeysException;
import org.sshstack.keys.knownhosts.KnownHosts;
import org.sshstack.keys.knownhosts.KnownHostsException;

/** File reads are bounded by what is read, not by the reported size (FIFOs and /proc files report 0). */
class BoundedReadTest {

    @TempDir
    Path dir;

    @Test
    void capIsInclusive() throws Exception {
        Path file = dir.resolve("f");
        Files.write(file, new byte[100]);
        assertThat(KeyFiles.readBounded(file, 100)).hasSize(100);
        assertThatThrownBy(() -> KeyFiles.readBounded(file, 99)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("larger than 99");
    }

    @Test
    void fifosReportingSizeZeroAreStillBounded() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "needs mkfifo");
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("/usr/bin/mkfifo", fifo.toString()).start().waitFor()).isZero();
        long overKeyCap = KeyFiles.MAX_FILE_BYTES + 4096;
        CompletableFuture<Void> writer = feed(fifo, overKeyCap);
        assertThatThrownBy(() -> KeyFiles.readPrivateKey(fifo, null)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("larger than");
        writer.join();
        writer = feed(fifo, KnownHosts.MAX_FILE + 4096);
        assertThatThrownBy(() -> KnownHosts.read(fifo, true)).isInstanceOf(KnownHostsException.class)
                .hasMessageContaining("larger than");
        writer.join();
        writer = feed(fifo, AuthorizedKeys.MAX_FILE + 4096);
        assertThatThrownBy(() -> AuthorizedKeys.read(fifo, true, java.time.ZoneOffset.UTC))
                .isInstanceOf(AuthorizedKeysException.class).hasMessageContaining("larger than");
        writer.join();
    }

    /** Writes comment lines into the FIFO until done or the reader closes it. */
    private static CompletableFuture<Void> feed(Path fifo, long bytes) {
        return CompletableFuture.runAsync(() -> {
            byte[] chunk = ("#" + "x".repeat(1022) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            try (OutputStream out = Files.newOutputStream(fifo)) {
                for (long sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(chunk);
                }
            } catch (IOException readerClosed) {
                // expected once the reader stops at its cap
            }
        });
    }
}
