package org.sshstack.crypto.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.testing.Mutations;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;

/**
 * Hostile signature blobs: structural damage is an {@link SshProtocolException}, out-of-range values are
 * {@code false}, and nothing else (no unchecked exception, no acceptance) comes out.
 */
class MalformedSignatureTest {

    private static final byte[] DATA = "signed data".getBytes(StandardCharsets.UTF_8);
    private static final BigInteger ED25519_L =
            BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
    private static KeyPair ed25519;
    private static KeyPair p256;
    private static KeyPair p521;
    private static KeyPair rsa;

    @BeforeAll
    static void keys() throws Exception {
        ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        p256 = ec("secp256r1");
        p521 = ec("secp521r1");
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048, new SecureRandom());
        rsa = gen.generateKeyPair();
    }

    private static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec(curve));
        return gen.generateKeyPair();
    }

    static Stream<String> names() {
        return Stream.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp521", "rsa-sha2-256", "rsa-sha2-512",
                "ssh-rsa");
    }

    private static KeyPair pairFor(String name) {
        return switch (name) {
            case "ssh-ed25519" -> ed25519;
            case "ecdsa-sha2-nistp256" -> p256;
            case "ecdsa-sha2-nistp521" -> p521;
            default -> rsa;
        };
    }

    @ParameterizedTest
    @MethodSource("names")
    void structuralDamageIsAProtocolError(String name) throws Exception {
        SignatureAlgorithm algorithm = SignatureAlgorithms.require(name);
        KeyPair pair = pairFor(name);
        byte[] valid = algorithm.sign(pair.getPrivate(), DATA, new SecureRandom());
        byte[] inner = RsaSignatureTest.signatureBytes(valid);

        for (int length = 0; length < valid.length; length++) {
            byte[] truncated = Arrays.copyOf(valid, length);
            assertThatThrownBy(() -> algorithm.verify(pair.getPublic(), DATA, truncated))
                    .as("truncated to %d", length).isInstanceOf(SshProtocolException.class);
        }
        byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
        assertThatThrownBy(() -> algorithm.verify(pair.getPublic(), DATA, trailing)).isInstanceOf(SshProtocolException.class);
        assertThatThrownBy(() -> algorithm.verify(pair.getPublic(), DATA, blob("ssh-dss", inner)))
                .isInstanceOf(SshProtocolException.class);
        assertThatThrownBy(() -> algorithm.verify(pair.getPublic(), DATA, blob(name.toUpperCase(), inner)))
                .isInstanceOf(SshProtocolException.class);
        assertThatThrownBy(() -> algorithm.verify(pair.getPublic(), DATA, null)).isInstanceOf(SshProtocolException.class);
        assertThat(algorithm.verify(pair.getPublic(), DATA, valid)).isTrue();
    }

    @Test
    void ed25519SignatureMustBe64BytesWithSBelowL() throws Exception {
        SignatureAlgorithm algorithm = SignatureAlgorithms.require("ssh-ed25519");
        byte[] signature = RsaSignatureTest.signatureBytes(algorithm.sign(ed25519.getPrivate(), DATA, new SecureRandom()));
        for (int length : new int[] {0, 32, 63, 65, 128}) {
            byte[] wrong = Arrays.copyOf(signature, length);
            assertThatThrownBy(() -> algorithm.verify(ed25519.getPublic(), DATA, blob("ssh-ed25519", wrong)))
                    .isInstanceOf(SshProtocolException.class).hasMessageContaining("64");
        }
        // RFC 8032 §5.1.7: S + L is the same point arithmetic but must be rejected (malleability)
        byte[] sBytes = Arrays.copyOfRange(signature, 32, 64);
        BigInteger s = new BigInteger(1, reverse(sBytes)).add(ED25519_L);
        byte[] malleated = signature.clone();
        System.arraycopy(reverse(toFixed(s, 32)), 0, malleated, 32, 32);
        assertThat(algorithm.verify(ed25519.getPublic(), DATA, blob("ssh-ed25519", malleated))).isFalse();
    }

    @Test
    void ecdsaValuesOutOfRangeAreFalseAndBadMpintsAreProtocolErrors() throws Exception {
        SignatureAlgorithm algorithm = SignatureAlgorithms.require("ecdsa-sha2-nistp256");
        SshReader reader = new SshReader(RsaSignatureTest.signatureBytes(algorithm.sign(p256.getPrivate(), DATA, new SecureRandom())));
        BigInteger r = reader.readMpint();
        BigInteger s = reader.readMpint();
        BigInteger n = ((ECPublicKey) p256.getPublic()).getParams().getOrder();
        assertThat(verify(algorithm, rs(r, s))).isTrue();

        for (BigInteger bad : List.of(BigInteger.ZERO, n, n.add(r), r.negate(), BigInteger.ONE.shiftLeft(600))) {
            assertThat(verify(algorithm, rs(bad, s))).as("r = %s", bad).isFalse();
            assertThat(verify(algorithm, rs(r, bad))).as("s = %s", bad).isFalse();
        }
        assertThat(verify(algorithm, rs(r, n.subtract(s)))).as("s -> n - s is another valid signature, not this one")
                .isTrue();

        byte[] missingS = new SshWriter().writeMpint(r).toByteArray();
        byte[] extra = new SshWriter().writeMpint(r).writeMpint(s).writeMpint(s).toByteArray();
        byte[] nonCanonical = new SshWriter().writeString(concat(new byte[] {0, 0}, r.toByteArray()))
                .writeMpint(s).toByteArray();
        byte[] oversized = new SshWriter().writeString(concat(new byte[] {1}, new byte[3000])).writeMpint(s).toByteArray();
        for (byte[] inner : List.of(missingS, extra, nonCanonical, oversized, new byte[0])) {
            assertThatThrownBy(() -> verify(algorithm, inner)).isInstanceOf(SshProtocolException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void mutatedBlobsNeverVerifyAndFailOnlyWithProjectExceptions(String name) throws Exception {
        SignatureAlgorithm algorithm = SignatureAlgorithms.require(name);
        KeyPair pair = pairFor(name);
        byte[] valid = algorithm.sign(pair.getPrivate(), DATA, new SecureRandom());
        for (long seed = 0; seed < 2000; seed++) {
            byte[] mutated = Mutations.mutate(valid, seed);
            try {
                boolean accepted = algorithm.verify(pair.getPublic(), DATA, mutated);
                if (accepted) {
                    assertThat(mutated).as("seed %d accepted a changed blob", seed).isEqualTo(valid);
                }
            } catch (SshException expected) {
                assertThat(expected).isInstanceOf(SshProtocolException.class);
            }
        }
    }

    private static boolean verify(SignatureAlgorithm algorithm, byte[] inner) throws SshException {
        return algorithm.verify(p256.getPublic(), DATA, blob(algorithm.name(), inner));
    }

    private static byte[] rs(BigInteger r, BigInteger s) {
        return new SshWriter().writeMpint(r).writeMpint(s).toByteArray();
    }

    private static byte[] blob(String name, byte[] signature) {
        return RsaSignatureTest.blob(name, signature);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] reverse(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }

    private static byte[] toFixed(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
}
