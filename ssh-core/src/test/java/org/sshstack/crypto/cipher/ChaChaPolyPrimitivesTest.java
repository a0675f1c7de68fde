package org.sshstack.crypto.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.bouncycastle.crypto.engines.ChaCha7539Engine;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;

/** ChaCha20 and Poly1305 against RFC 8439's vectors and against Bouncy Castle on seeded random inputs. */
class ChaChaPolyPrimitivesTest {

    private static final byte[] KEY_0_31 = Hex.bytes("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final String SUNSCREEN = "Ladies and Gentlemen of the class of '99: If I could offer you only one "
            + "tip for the future, sunscreen would be it.";

    @Test
    void blockFunctionRfc8439Section232() {
        ChaCha20 chacha = new ChaCha20(KEY_0_31, 0);
        chacha.resetIetf(Hex.bytes("000000090000004a00000000"), 0, 1);
        byte[] block = new byte[64];
        chacha.keystream(block, 0, 64);
        assertThat(Hex.hex(block)).isEqualTo("10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
                + "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e");
    }

    @Test
    void encryptionRfc8439Section242() {
        ChaCha20 chacha = new ChaCha20(KEY_0_31, 0);
        chacha.resetIetf(Hex.bytes("000000000000004a00000000"), 0, 1);
        byte[] text = SUNSCREEN.getBytes(StandardCharsets.US_ASCII);
        chacha.xor(text, 0, text, 0, text.length);
        assertThat(Hex.hex(text)).isEqualTo(
                "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
                + "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
                + "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
                + "5af90bbf74a35be6b40b8eedf2785e42874d");
    }

    @Test
    void poly1305Rfc8439Section252() {
        Poly1305 poly = new Poly1305();
        poly.init(Hex.bytes("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b"), 0);
        byte[] msg = "Cryptographic Forum Research Group".getBytes(StandardCharsets.US_ASCII);
        poly.update(msg, 0, msg.length);
        byte[] tag = new byte[16];
        poly.finish(tag, 0);
        assertThat(Hex.hex(tag)).isEqualTo("a8061dc1305136c6c22b8baf0c0127a9");
    }

    @Test
    void aeadRfc8439Section282() {
        byte[] key = Hex.bytes("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        byte[] nonce = Hex.bytes("070000004041424344454647");
        byte[] aad = Hex.bytes("50515253c0c1c2c3c4c5c6c7");
        byte[] sealed = Rfc8439Aead.seal(key, nonce, aad, SUNSCREEN.getBytes(StandardCharsets.US_ASCII));
        assertThat(Hex.hex(sealed)).isEqualTo(
                "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
                + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
                + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad67594558580" + "8b4831d7bc"
                + "3ff4def08e4b7a9de576d26586cec64b6116"
                + "1ae10b594f09e26a7e902ecbd0600691");
    }

    @Test
    void originalLayoutMatchesBouncyCastleChaChaEngineAcrossThe32BitCounterBoundary() {
        Random random = new Random(1);
        for (int round = 0; round < 50; round++) {
            byte[] key = new byte[32];
            byte[] nonce = new byte[8];
            random.nextBytes(key);
            random.nextBytes(nonce);
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(data);
            long counter = round % 2 == 0 ? 0 : 0xffffffffL - random.nextInt(3);

            ChaChaEngine bc = new ChaChaEngine(20);
            bc.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
            bc.seekTo(counter * 64);
            byte[] expected = new byte[data.length];
            bc.processBytes(data, 0, data.length, expected, 0);

            ChaCha20 ours = new ChaCha20(key, 0);
            ours.resetOriginal(nonce, 0, counter);
            byte[] actual = data.clone();
            int split = data.length / 3;
            ours.xor(actual, 0, actual, 0, split);
            ours.xor(actual, split, actual, split, data.length - split);
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void ietfLayoutMatchesBouncyCastleChaCha7539Engine() {
        Random random = new Random(2);
        for (int round = 0; round < 50; round++) {
            byte[] key = new byte[32];
            byte[] nonce = new byte[12];
            random.nextBytes(key);
            random.nextBytes(nonce);
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(data);
            ChaCha7539Engine bc = new ChaCha7539Engine();
            bc.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
            byte[] expected = new byte[data.length];
            bc.processBytes(data, 0, data.length, expected, 0);

            ChaCha20 ours = new ChaCha20(key, 0);
            ours.resetIetf(nonce, 0, 0);
            byte[] actual = new byte[data.length];
            ours.xor(data, 0, actual, 0, data.length);
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void poly1305MatchesBouncyCastleForEveryLengthAndSplit() {
        Random random = new Random(3);
        Poly1305 ours = new Poly1305();
        for (int len = 0; len < 200; len++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            byte[] msg = new byte[len];
            random.nextBytes(msg);
            if (len % 7 == 0) {
                java.util.Arrays.fill(msg, (byte) 0xff); // pushes the accumulator towards 2^130 - 5
                java.util.Arrays.fill(key, 0, 16, (byte) 0xff);
            }
            org.bouncycastle.crypto.macs.Poly1305 bc = new org.bouncycastle.crypto.macs.Poly1305();
            bc.init(new KeyParameter(key));
            bc.update(msg, 0, len);
            byte[] expected = new byte[16];
            bc.doFinal(expected, 0);

            ours.init(key, 0);
            int split = random.nextInt(len + 1);
            ours.update(msg, 0, split);
            ours.update(msg, split, len - split);
            byte[] actual = new byte[16];
            ours.finish(actual, 0);
            assertThat(actual).as("length %d", len).isEqualTo(expected);
        }
    }
}
