package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.event.KexStarted;
import org.sshstack.event.KexTrigger;
import org.sshstack.event.SshEventListener;
import org.sshstack.io.BlockingDriver;
import org.sshstack.keys.KeyFiles;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.transport.AlgorithmPreferences;
import org.sshstack.transport.Role;
import org.sshstack.transport.TransportConfig;
import org.sshstack.transport.TransportEngine;

/**
 * Rekeying against OpenSSH sshd (RFC 4253 §9), after a real publickey login: OpenSSH 9.2 answers a KEXINIT before
 * authentication with UNIMPLEMENTED and does not apply its own RekeyLimit before authentication, so every rekey
 * here follows USERAUTH_SUCCESS. Our client forces rekeys explicitly and by a small byte limit while it sends IGNORE
 * traffic; a second client with default limits lets sshd start rekeys by its {@code RekeyLimit 16K}.
 */
class SshdRekeyTest {

    private static final org.slf4j.Logger REPORT = org.slf4j.LoggerFactory.getLogger(SshdRekeyTest.class);

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int IGNORE_BOUND = 20_000;

    /** Counts the key exchanges that started, by trigger. */
    static final class Triggers implements SshEventListener {
        final Map<KexTrigger, AtomicInteger> counts = new ConcurrentHashMap<>();

        @Override
        public void kexStarted(KexStarted event) {
            counts.computeIfAbsent(event.trigger(), t -> new AtomicInteger()).incrementAndGet();
        }

        int get(KexTrigger trigger) {
            AtomicInteger n = counts.get(trigger);
            return n == null ? 0 : n.get();
        }
    }

    @Test
    void sshdAnswersEveryRekeyWeStartAndStartsItsOwn(@TempDir Path dir) throws Exception {
        Path userKey = HostKeys.generate(dir.resolve("user_ed25519"), "ed25519");
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(Path.of(userKey + ".pub"), authorized);
        SshKeyPair pair = KeyFiles.readPrivateKey(userKey, null);
        try (OpenSshServer server = OpenSshServer.start(dir, OpenSshServer.options().rekeyLimit("16K")
                .authorizedKeysFile(authorized))) {
            Triggers ours = new Triggers();
            try (OurClient client = login(server, pair, c -> c.rekeyLimits(8 * 1024, 1L << 31, 0).listener(ours))) {
                BlockingDriver<TransportEngine> driver = client.driver();
                for (int i = 0; i < 3; i++) {
                    int before = kexCount(driver);
                    assertThat(driver.call(TransportEngine::renegotiateKeys)).isTrue();
                    driver.await(e -> e.keyExchangeCount() > before && !e.isKeyExchangeInProgress(), WAIT,
                            "explicit rekey " + i);
                }
                assertThat(ours.get(KexTrigger.EXPLICIT)).isEqualTo(3);
                sendIgnoresUntil(driver, () -> ours.get(KexTrigger.BYTES) >= 3);
                assertThat(ours.get(KexTrigger.BYTES)).isGreaterThanOrEqualTo(3);
                REPORT.info("{}", "rekeys against sshd, client with an 8 KiB limit: " + ours.counts);
            }
            Triggers theirs = new Triggers();
            try (OurClient client = login(server, pair, c -> c.listener(theirs))) {
                sendIgnoresUntil(client.driver(), () -> theirs.get(KexTrigger.PEER) >= 3);
                assertThat(theirs.get(KexTrigger.PEER)).as("rekeys sshd started by RekeyLimit 16K")
                        .isGreaterThanOrEqualTo(3);
                REPORT.info("{}", "rekeys against sshd, client with default limits: " + theirs.counts);
            }
        }
    }

    private static OurClient login(OpenSshServer server, SshKeyPair pair, Consumer<TransportConfig.Builder> setup)
            throws Exception {
        OurClient client = OurClient.connect(server.port(), AlgorithmPreferences.defaults(Role.CLIENT), setup,
                System.getProperty("user.name"), pair);
        client.awaitSuccess();
        return client;
    }

    /** Sends 1000-byte IGNOREs until the condition holds (bounded), then waits until no key exchange runs. */
    private static void sendIgnoresUntil(BlockingDriver<TransportEngine> driver,
            java.util.function.BooleanSupplier done) throws Exception {
        for (int i = 0; i < IGNORE_BOUND && !done.getAsBoolean(); i++) {
            driver.call(e -> {
                e.sendIgnore(1000);
                return null;
            });
        }
        driver.await(e -> !e.isKeyExchangeInProgress(), WAIT, "the last rekey to finish");
        assertThat(driver.withEngine(TransportEngine::isClosed)).isFalse();
    }

    private static int kexCount(BlockingDriver<TransportEngine> driver) {
        return driver.withEngine(TransportEngine::keyExchangeCount);
    }
}
