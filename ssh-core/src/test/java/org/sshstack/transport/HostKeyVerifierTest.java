package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.DisconnectReason;
import org.sshstack.keys.Fingerprints;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.knownhosts.KnownHostsWriter;

/** Strict known_hosts, accept-new, pinned fingerprints, and the verifier inside the handshake. */
class HostKeyVerifierTest {

    private static final SshPublicKey ED = EngineKeys.hostKey(KeyType.ED25519).publicKey();
    private static final SshPublicKey EC = EngineKeys.hostKey(KeyType.ECDSA_NISTP256).publicKey();
    private static final Clock CLOCK = Clock.systemUTC();

    @Test
    void strictMatchMismatchUnknown(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("known_hosts");
        SshPublicKey other = new org.sshstack.keys.StandardPublicKey(KeyType.ED25519,
                EngineKeys.pair(KeyType.ED25519).getPublic());
        Files.writeString(file, "# comment\n" + KnownHostsWriter.line("other", 22, EC, null) + "\n"
                + KnownHostsWriter.line("h", 2222, ED, null) + "\n");
        KnownHostsVerifier verifier = KnownHostsVerifier.strict(file, CLOCK);
        verifier.verify("h", 2222, other); // MATCH (same key)

        SshPublicKey changed = EngineKeys.hostKey(KeyType.ECDSA_NISTP384).publicKey();
        verifier.verify("other", 22, EC);
        SshPublicKey otherEd = new org.sshstack.keys.StandardPublicKey(KeyType.ED25519,
                freshEd25519());
        assertThatThrownBy(() -> verifier.verify("h", 2222, otherEd))
                .isInstanceOf(HostKeyRejectedException.class)
                .hasMessageContaining("Host key for [h]:2222 changed")
                .hasMessageContaining("expected " + Fingerprints.sha256(ED))
                .hasMessageContaining("got " + Fingerprints.sha256(otherEd))
                .hasMessageContaining("(known_hosts line 3)")
                .extracting(e -> ((HostKeyRejectedException) e).reason())
                .isEqualTo(DisconnectReason.HOST_KEY_NOT_VERIFIABLE);
        assertThatThrownBy(() -> verifier.verify("unknown", 22, ED)).isInstanceOf(HostKeyRejectedException.class)
                .hasMessageContaining("is not in");
        assertThatThrownBy(() -> verifier.verify("h", 2222, changed)).isInstanceOf(HostKeyRejectedException.class);
    }

    private static java.security.PublicKey freshEd25519() throws Exception {
        return java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
    }

    @Test
    void revokedKeyIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "@revoked * " + ED.typeName() + " " + java.util.Base64.getEncoder()
                .encodeToString(ED.blob()) + "\n");
        assertThatThrownBy(() -> KnownHostsVerifier.strict(file, CLOCK).verify("h", 22, ED))
                .isInstanceOf(HostKeyRejectedException.class).hasMessageContaining("@revoked");
    }

    @Test
    void acceptNewAppendsAHashedLineAndStillRefusesChanges(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("known_hosts");
        KnownHostsVerifier verifier = KnownHostsVerifier.acceptNew(file, EngineKeys.seeded(3), CLOCK);
        verifier.verify("new.example", 2200, ED);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).singleElement().satisfies(l -> assertThat(l).startsWith("|1|").doesNotContain("new.example"));
        verifier.verify("new.example", 2200, ED);
        KnownHostsVerifier.strict(file, CLOCK).verify("new.example", 2200, ED);
        SshPublicKey otherEd = new org.sshstack.keys.StandardPublicKey(KeyType.ED25519, freshEd25519());
        assertThatThrownBy(() -> verifier.verify("new.example", 2200, otherEd))
                .isInstanceOf(HostKeyRejectedException.class).hasMessageContaining("changed");
        assertThat(Files.readAllLines(file)).hasSize(1);
    }

    @Test
    void pinnedFingerprints() throws Exception {
        PinnedHostKeyVerifier pinned = new PinnedHostKeyVerifier(List.of(Fingerprints.sha256(ED)));
        pinned.verify("h", 22, ED);
        assertThatThrownBy(() -> pinned.verify("h", 22, EC)).isInstanceOf(HostKeyRejectedException.class)
                .hasMessageContaining(Fingerprints.sha256(EC));
        assertThatThrownBy(() -> new PinnedHostKeyVerifier(List.of("MD5:aa"))).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void rejectedKeyEndsTheHandshake(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("known_hosts");
        EnginePair pair = new EnginePair(b -> b.hostKeyVerifier(KnownHostsVerifier.strict(file, CLOCK)), b -> { },
                List.of(EngineKeys.hostKey(KeyType.ED25519)));
        pair.pump();
        assertThat(pair.client.isClosed()).isTrue();
        assertThat(pair.clientErrors).singleElement().isInstanceOf(HostKeyRejectedException.class);
        assertThat(pair.server.closeException().orElseThrow().reason())
                .isEqualTo(DisconnectReason.HOST_KEY_NOT_VERIFIABLE);
        assertThat(pair.clientEvents.kexFinished).singleElement().satisfies(e -> {
            assertThat(e.success()).isFalse();
            assertThat(e.failure()).contains("not in");
        });
    }

    @Test
    void acceptedKeyThroughTheEngine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, KnownHostsWriter.line("localhost", 2222, ED, null) + "\n");
        EnginePair pair = new EnginePair(b -> b.hostKeyVerifier(KnownHostsVerifier.strict(file, CLOCK)), b -> { },
                List.of(EngineKeys.hostKey(KeyType.ED25519))).connect();
        pair.assertOpen();
    }
}
