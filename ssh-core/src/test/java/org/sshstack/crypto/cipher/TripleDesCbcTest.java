package org.sshstack.crypto.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import javax.crypto.Cipher;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;

/**
 * 3des-cbc: the NIST SP 800-67 Rev. 1 example (three distinct keys, ECB), run through the sealer with plaintext
 * blocks chosen so CBC reduces to ECB; and a cross-check against Bouncy Castle's independent DESede engine in CBC
 * mode (the implementation under test uses the JCA provider).
 */
class TripleDesCbcTest {

    private static final String KEY = "0123456789abcdef" + "23456789abcdef01" + "456789abcdef0123";
    /** "The qufck brown fox jump" (SP 800-67 Rev. 1, Appendix B). */
    private static final String PLAIN = "5468652071756663" + "6b2062726f776e20" + "666f78206a756d70";
    private static final String ECB_CIPHER = "a826fd8ce53b855f" + "cce21c8112256fe6" + "68d5c05dd9b6b900";

    @Test
    void sp80067ExampleThroughTheSealer() throws Exception {
        byte[] plain = Hex.bytes(PLAIN);
        byte[] ecb = Hex.bytes(ECB_CIPHER);
        // CBC input block i = P_i XOR C_(i-1); feeding P_i XOR C_(i-1) yields ECB(P_i): the ECB vector
        byte[] chained = plain.clone();
        for (int i = 8; i < chained.length; i++) {
            chained[i] ^= ecb[i - 8];
        }
        AesCbcTest.sealerAndOpener(CipherAlgorithm.TRIPLE_DES_CBC, Hex.bytes(KEY), new byte[8], chained, ecb, 8);
    }

    @Test
    void matchesAnIndependentImplementation() throws Exception {
        Random random = new Random(3);
        for (int round = 0; round < 20; round++) {
            byte[] key = new byte[24];
            byte[] iv = new byte[8];
            byte[] data = new byte[8 * (1 + random.nextInt(40))];
            random.nextBytes(key);
            random.nextBytes(iv);
            random.nextBytes(data);
            CBCBlockCipher reference = (CBCBlockCipher) CBCBlockCipher.newInstance(new DESedeEngine());
            reference.init(true, new ParametersWithIV(new KeyParameter(key), iv));
            byte[] expected = new byte[data.length];
            for (int off = 0; off < data.length; off += 8) {
                reference.processBlock(data, off, expected, off);
            }
            Cipher ours = CbcMode.newCipher(TripleDesCbc.SPEC, Cipher.ENCRYPT_MODE, key, iv);
            byte[] buf = data.clone();
            int split = 8 * random.nextInt(data.length / 8 + 1);
            CbcMode.apply(ours, buf, 0, split); // the chaining value carries across calls
            CbcMode.apply(ours, buf, split, data.length - split);
            assertThat(buf).isEqualTo(expected);
            Cipher back = CbcMode.newCipher(TripleDesCbc.SPEC, Cipher.DECRYPT_MODE, key, iv);
            CbcMode.apply(back, buf, 0, buf.length);
            assertThat(buf).isEqualTo(data);
        }
    }
}
