package org.sshstack.crypto.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import javax.crypto.Cipher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sshstack.crypto.mac.MacAlgorithm;

/**
 * AES-CBC against NIST SP 800-38A Appendix F.2 (F.2.1-F.2.6): the primitive block by block in both directions, and
 * the same ciphertext through a sealer and back through an opener.
 */
class AesCbcTest {

    private static final String IV = "000102030405060708090a0b0c0d0e0f";
    private static final String PLAIN = "6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51"
            + "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "F.2.1/F.2.2 CBC-AES128, AES128_CBC, 2b7e151628aed2a6abf7158809cf4f3c, "
            + "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
            + "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7",
        "F.2.3/F.2.4 CBC-AES192, AES192_CBC, 8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b, "
            + "4f021db243bc633d7178183a9fa071e8b4d9ada9ad7dedf4e5e738763f69145a"
            + "571b242012fb7ae07fa9baac3df102e008b0e27988598881d920a9e64f5615cd",
        "F.2.5/F.2.6 CBC-AES256, AES256_CBC, 603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4, "
            + "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d"
            + "39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b"
    })
    void nistVectors(String name, CipherAlgorithm algorithm, String key, String cipherText) throws Exception {
        // F.2.1/3/5 encrypt, block by block in place: the chaining value runs on across calls
        Cipher enc = CbcMode.newCipher(AesCbc.SPEC, Cipher.ENCRYPT_MODE, Hex.bytes(key), Hex.bytes(IV));
        byte[] buf = Hex.bytes(PLAIN);
        for (int off = 0; off < buf.length; off += 16) {
            CbcMode.apply(enc, buf, off, 16);
        }
        assertThat(Hex.hex(buf)).isEqualTo(cipherText);
        // F.2.2/4/6 decrypt
        Cipher dec = CbcMode.newCipher(AesCbc.SPEC, Cipher.DECRYPT_MODE, Hex.bytes(key), Hex.bytes(IV));
        CbcMode.apply(dec, buf, 0, 16);
        CbcMode.apply(dec, buf, 16, 48);
        assertThat(Hex.hex(buf)).isEqualTo(PLAIN);

        sealerAndOpener(algorithm, Hex.bytes(key), Hex.bytes(IV), Hex.bytes(PLAIN), Hex.bytes(cipherText), 16);
    }

    /**
     * A 64-byte packet whose last blocks are the vector's plaintext blocks, sealed with an IV chosen so that the first
     * block enters the cipher as the vector's first block does: the sealed bytes must be the vector's ciphertext.
     */
    static void sealerAndOpener(CipherAlgorithm algorithm, byte[] key, byte[] iv, byte[] plain, byte[] cipherText,
            int block) throws Exception {
        byte[] packet = Arrays.copyOf(plain, plain.length);
        Packets.writeInt(packet, 0, plain.length - 4);
        packet[4] = 8; // padding_length
        byte[] packetIv = iv.clone();
        for (int i = 0; i < block; i++) {
            packetIv[i] ^= (byte) (plain[i] ^ packet[i]); // packet block 1 XOR packetIv == plain block 1 XOR iv
        }
        PacketSealer sealer = algorithm.newSealer(key, packetIv, MacAlgorithm.HMAC_SHA2_256, new byte[32]);
        byte[] sealed = Arrays.copyOf(packet, packet.length + 32);
        assertThat(sealer.seal(7, sealed, 0, packet.length)).isEqualTo(packet.length + 32);
        assertThat(Hex.hex(Arrays.copyOf(sealed, packet.length))).isEqualTo(Hex.hex(cipherText));

        PacketOpener opener = algorithm.newOpener(key, packetIv, MacAlgorithm.HMAC_SHA2_256, new byte[32]);
        assertThat(opener.lengthBytes()).isEqualTo(block);
        assertThat(opener.decryptLength(7, sealed, 0)).isEqualTo(packet.length - 4);
        assertThat(opener.open(7, sealed, 0, packet.length - 4)).isEqualTo(packet.length);
        assertThat(Arrays.copyOf(sealed, packet.length)).isEqualTo(packet);
    }
}
