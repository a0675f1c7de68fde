package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.keys.KeyType;

/**
 * Compression through the engine pair: {@code zlib@openssh.com} starts only once both sides are authenticated
 * (draft-miller-secsh-compression-delayed), plain {@code zlib} (opt-in) from the first NEWKEYS (RFC 4253 §6.2);
 * payloads arrive intact either way and compressible traffic shrinks on the wire only while compression is on.
 */
class EngineCompressionTest {

    private static final int PAYLOADS = 20;
    private static final int SIZE = 8000;

    @Test
    void delayedZlibStartsAfterAuthentication() throws SshException {
        EnginePair pair = pair("zlib@openssh.com");
        long before = sendZeros(pair, 0);
        pair.authenticate();
        long after = sendZeros(pair, PAYLOADS);
        assertThat(before).as("bytes on the wire before authentication").isGreaterThan(PAYLOADS * SIZE);
        assertThat(after).as("bytes on the wire after authentication").isLessThan(before / 10);
        assertThat(pair.client.negotiatedAlgorithms().orElseThrow().clientToServer().compression())
                .isEqualTo("zlib@openssh.com");
    }

    @Test
    void plainZlibIsOptInAndStartsAtNewKeys() throws SshException {
        assertThat(AlgorithmPreferences.clientDefaults().compression()).doesNotContain("zlib");
        EnginePair pair = pair("zlib");
        long before = sendZeros(pair, 0);
        assertThat(before).as("compressed before authentication").isLessThan(PAYLOADS * SIZE / 10);
        assertThat(AlgorithmPreferences.builder(Role.CLIENT).compression("zlib").build().insecureNames())
                .containsExactly("zlib");
    }

    private static EnginePair pair(String compression) throws SshException {
        AlgorithmPreferences prefs = AlgorithmPreferences.builder(Role.CLIENT).compression(compression).build();
        return new EnginePair(b -> b.algorithms(prefs), b -> b.algorithms(prefs),
                List.of(EngineKeys.hostKey(KeyType.ED25519))).connect();
    }

    /** Sends compressible payloads both ways, checks they arrive intact, and returns the client's bytes sent. */
    private static long sendZeros(EnginePair pair, int firstIndex) throws SshException {
        long start = pair.client.traffic().bytesOut();
        int already = pair.serverHandler.payloads.size();
        for (int i = 0; i < PAYLOADS; i++) {
            byte[] payload = new byte[SIZE];
            payload[0] = 50;
            payload[1] = (byte) (firstIndex + i);
            pair.client.sendPayload(payload);
        }
        pair.pump();
        pair.assertOpen();
        assertThat(pair.serverHandler.payloads).hasSize(already + PAYLOADS);
        for (int i = 0; i < PAYLOADS; i++) {
            byte[] received = pair.serverHandler.payloads.get(already + i);
            assertThat(received).hasSize(SIZE);
            assertThat(received[1]).isEqualTo((byte) (firstIndex + i));
        }
        return pair.client.traffic().bytesOut() - start;
    }
}
