package org.sshstack.crypto.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sshstack.crypto.kex.KexTestSupport.assertRejected;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The hybrids mlkem768x25519-sha256 and sntrup761x25519-sha512: layout, K's derivation, lengths and fuzzing. */
class HybridKexTest {

    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of(new MlKem768X25519(), new MlKem768(), "SHA-256", 1216, 1120),
                Arguments.of(new Sntrup761X25519(), new Sntrup761(), "SHA-512", 1190, 1071));
    }

    @ParameterizedTest
    @MethodSource("methods")
    void roundTrip(HybridKex method, Kem kem, String hash, int clientLength, int serverLength) throws Exception {
        KexPrimitive.Initiator client = method.start(KexTestSupport.seededRandom(1));
        assertThat(client.clientValue()).hasSize(clientLength).hasSize(method.clientValueLength());
        KexPrimitive.Response server = method.respond(client.clientValue(), KexTestSupport.seededRandom(2));
        assertThat(server.serverValue()).hasSize(serverLength).hasSize(method.serverValueLength());
        SharedSecret k = client.complete(server.serverValue());
        assertThat(k.bytes()).isEqualTo(server.sharedSecret().bytes())
                .hasSize(MessageDigest.getInstance(hash).getDigestLength());
        assertThat(k.encoding()).isEqualTo(SharedSecret.Encoding.STRING);
        assertThat(k.encoded()).hasSize(4 + k.bytes().length); // draft §2.5: a string, never an mpint
    }

    /**
     * The server's side rebuilt from the primitives: C_INIT = C_PK2 || C_PK1, S_REPLY = S_CT2 || S_PK1 and
     * K = HASH(K_PQ || K_CL) (draft-ietf-sshm-mlkem-hybrid-kex-10 §2.1, §2.4).
     */
    @ParameterizedTest
    @MethodSource("methods")
    void layoutAndSecretFollowTheDraft(HybridKex method, Kem kem, String hash) throws Exception {
        Kem.Decapsulator pq = kem.generate(KexTestSupport.seededRandom(3));
        KeyAgreement cl = new Curve25519().generate(KexTestSupport.seededRandom(4));
        byte[] clientInit = concat(pq.publicKey(), cl.publicValue());
        KexPrimitive.Response server = method.respond(clientInit, KexTestSupport.seededRandom(5));
        byte[] reply = server.serverValue();
        int split = kem.ciphertextLength();
        byte[] kPq = pq.decapsulate(Arrays.copyOfRange(reply, 0, split));
        byte[] kCl = cl.agree(Arrays.copyOfRange(reply, split, reply.length)).bytes();
        byte[] expected = MessageDigest.getInstance(hash).digest(concat(kPq, kCl));
        assertThat(server.sharedSecret().bytes()).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("methods")
    void rejectsWrongLengthsAndLowOrderX25519(HybridKex method) throws Exception {
        KexPrimitive.Initiator client = method.start(KexTestSupport.seededRandom(6));
        byte[] init = client.clientValue();
        for (int delta : new int[] {-1, 1, -32}) {
            byte[] wrong = Arrays.copyOf(init, init.length + delta);
            assertRejected(() -> method.respond(wrong, KexTestSupport.seededRandom(7)), "C_INIT " + delta);
        }
        byte[] zeroX25519 = init.clone();
        Arrays.fill(zeroX25519, init.length - 32, init.length, (byte) 0);
        assertRejected(() -> method.respond(zeroX25519, KexTestSupport.seededRandom(8)), "zero X25519 in C_INIT");
        byte[] reply = method.respond(init, KexTestSupport.seededRandom(9)).serverValue();
        assertRejected(() -> client.complete(Arrays.copyOf(reply, reply.length - 1)), "short S_REPLY");
        assertRejected(() -> client.complete(Arrays.copyOf(reply, reply.length + 1)), "long S_REPLY");
        byte[] zeroReply = reply.clone();
        Arrays.fill(zeroReply, reply.length - 32, reply.length, (byte) 0);
        assertRejected(() -> client.complete(zeroReply), "zero X25519 in S_REPLY");
    }

    @ParameterizedTest
    @MethodSource("methods")
    void fuzzedPeerValuesFailOnlyTyped(HybridKex method) throws Exception {
        KexPrimitive.Initiator client = method.start(KexTestSupport.seededRandom(10));
        byte[] init = client.clientValue();
        byte[] reply = method.respond(init, KexTestSupport.seededRandom(11)).serverValue();
        KexTestSupport.fuzz(init, 40, value -> method.respond(value, KexTestSupport.seededRandom(12)));
        KexTestSupport.fuzz(reply, 40, client::complete);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }
}
