package org.sshstack.crypto.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import javax.crypto.Cipher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sshstack.crypto.mac.MacAlgorithm;

/** AES-CTR against NIST SP 800-38A Appendix F.5 (F.5.1, F.5.3, F.5.5), through the primitive and through a sealer. */
class AesCtrTest {

    private static final String IV = "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";
    private static final String PLAIN = "6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51"
            + "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "F.5.1 CTR-AES128.Encrypt, AES128_CTR, 2b7e151628aed2a6abf7158809cf4f3c, "
            + "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff"
            + "5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee",
        "F.5.3 CTR-AES192.Encrypt, AES192_CTR, 8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b, "
            + "1abc932417521ca24f2b0459fe7e6e0b090339ec0aa6faefd5ccc2c6f4ce8e94"
            + "1e36b26bd1ebc670d1bd1d665620abf74f78a7f6d29809585a97daec58c6b050",
        "F.5.5 CTR-AES256.Encrypt, AES256_CTR, 603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4, "
            + "601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c5"
            + "2b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6"
    })
    void nistVectors(String name, CipherAlgorithm algorithm, String key, String cipherText) throws Exception {
        // the primitive, block by block, in place: the counter runs on across calls
        Cipher cipher = AesCtr.newCipher(Cipher.ENCRYPT_MODE, Hex.bytes(key), Hex.bytes(IV));
        byte[] buf = Hex.bytes(PLAIN);
        for (int off = 0; off < buf.length; off += 16) {
            AesCtr.apply(cipher, buf, off, 16);
        }
        assertThat(Hex.hex(buf)).isEqualTo(cipherText);

        // the same keystream through a sealer (encrypt-and-MAC encrypts the whole 64-byte packet)
        byte[] keystream = xor(Hex.bytes(PLAIN), Hex.bytes(cipherText));
        PacketSealer sealer = algorithm.newSealer(Hex.bytes(key), Hex.bytes(IV), MacAlgorithm.HMAC_SHA2_256,
                new byte[32]);
        byte[] packet = AesGcmTest.packet(60, 8);
        byte[] sealed = Arrays.copyOf(packet, 64 + 32);
        sealer.seal(0, sealed, 0, 64);
        assertThat(xor(packet, Arrays.copyOf(sealed, 64))).isEqualTo(keystream);
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }
}
