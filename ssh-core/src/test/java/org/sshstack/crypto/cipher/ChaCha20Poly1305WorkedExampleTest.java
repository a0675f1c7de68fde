package org.sshstack.crypto.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The worked packet of draft-ietf-sshm-chacha20-poly1305-04 Appendix A, byte for byte (figures 4-18). */
class ChaCha20Poly1305WorkedExampleTest {

    // Figure 4: the plaintext packet
    private static final byte[] PLAIN = Hex.bytes("""
            00 00 00 48  06 5e 00 00  00 00 00 00  00 38 4c 6f
            72 65 6d 20  69 70 73 75  6d 20 64 6f  6c 6f 72 20
            73 69 74 20  61 6d 65 74  2c 20 63 6f  6e 73 65 63
            74 65 74 75  72 20 61 64  69 70 69 73  69 63 69 6e
            67 20 65 6c  69 74 4e 43  e8 04 dc 6c""");

    // Figure 5: the 64 bytes of key material
    private static final byte[] KEY = Hex.bytes("""
            8b bf f6 85  5f c1 02 33  8c 37 3e 73  aa c0 c9 14
            f0 76 a9 05  b2 44 4a 32  ee ca ff ea  e2 2b ec c5
            e9 b7 a7 a5  82 5a 82 49  34 6e c1 c2  83 01 cf 39
            45 43 fc 75  69 88 7d 76  e1 68 f3 75  62 ac 07 40""");

    // Figure 18: the wire bytes
    private static final byte[] WIRE = Hex.bytes("""
            2c 3e cc e4  a5 bc 05 89  5b f0 7a 7b  a9 56 b6 c6
            88 29 ac 7c  83 b7 80 b7  00 0e cd e7  45 af c7 05
            bb c3 78 ce  03 a2 80 23  6b 87 b5 3b  ed 58 39 66
            23 02 b1 64  b6 28 6a 48  cd 1e 09 71  38 e3 cb 90
            9b 8b 2b 82  9d d1 8d 2a  35 ff 82 d9  95 34 9e 85
            5b f0 2c 29  8e f7 75 f2  d1 a7 e8 b8""");

    private static final int SEQ = 7;

    @Test
    void sealProducesTheWireBytesOfFigure18() throws Exception {
        PacketSealer sealer = CipherAlgorithm.CHACHA20_POLY1305.newSealer(KEY, null, null, null);
        byte[] buf = Arrays.copyOf(PLAIN, PLAIN.length + 16);

        int n = sealer.seal(SEQ, buf, 0, PLAIN.length);

        assertThat(n).isEqualTo(92);
        assertThat(Hex.hex(buf)).isEqualTo(Hex.hex(WIRE));
    }

    @Test
    void openRecoversTheLengthThenThePacket() throws Exception {
        PacketOpener opener = CipherAlgorithm.CHACHA20_POLY1305.newOpener(KEY, null, null, null);
        byte[] buf = WIRE.clone();

        int length = opener.decryptLength(SEQ, buf, 0);
        assertThat(length).isEqualTo(0x48);
        assertThat(buf).as("decryptLength leaves the buffer as received").isEqualTo(WIRE);
        assertThat(opener.wireLength(length)).isEqualTo(WIRE.length);

        int n = opener.open(SEQ, buf, 0, length);

        assertThat(n).isEqualTo(PLAIN.length);
        assertThat(Hex.hex(Arrays.copyOf(buf, n))).isEqualTo(Hex.hex(PLAIN));
    }

    @Test
    void lengthKeystreamMatchesFigure7() {
        // Figure 6/7: second half of the key, nonce = uint64 7, counter 0
        ChaCha20 header = new ChaCha20(KEY, 32);
        header.resetOriginal(Hex.bytes("0000000000000007"), 0, 0);
        byte[] block = new byte[64];
        header.keystream(block, 0, 64);
        assertThat(Hex.hex(block)).isEqualTo(words("""
                0xaccc3e2c  0xf62f4341  0x94f7b07b  0xe6f481fb
                0x75306ddf  0x8b82a326  0x5b1aec13  0x119ff043
                0x0ae8ba12  0x1cb72290  0xb1565876  0xf5fee756
                0x8ea9bef4  0x6ae96e0d  0x32148e17  0xf9531ec9"""));
    }

    @Test
    void payloadKeystreamMatchesFigures10And15() {
        ChaCha20 main = new ChaCha20(KEY, 0);
        main.resetOriginal(Hex.bytes("0000000000000007"), 0, 0);
        byte[] blocks = new byte[192];
        main.keystream(blocks, 0, 192);
        // Figure 15 (counter 0, the Poly1305 key), then figure 10 (counters 1 and 2)
        assertThat(Hex.hex(blocks)).isEqualTo(words("""
                0xfba86ef6  0x046d187a  0xa6b4d75d  0xa4487348
                0xebc13a8f  0xe0be63fa  0x65a5e1c1  0xdd5b9fd0
                0x95f6ca26  0x509e2eec  0xb9f34fe2  0xc565e785
                0xd52da783  0xc8f24915  0xb3907730  0x1da12e04
                0x8905e2a3  0x7b7af05b  0xa9fa6ea9  0x5cc14cfa
                0xc2f3c7ea  0x88a92e6d  0x25b5c029  0xee0caac8
                0x57e5cf62  0x54d6a747  0x055c2b83  0x11c56757
                0x2c0b08c4  0x02606ea4  0xfea28051  0xee4eabfc
                0x69c3a5f4  0xb55efbdd  0x80a9caea  0xf270c0a0
                0xa45d5d78  0x0b44d75b  0xf75247b7  0xe14c0e37
                0x98039827  0xd8b8e8de  0xbf7035b6  0xc90bef5b
                0x33e3c45a  0x51418cf6  0xcafeae62  0x6da70d32"""));
    }

    @Test
    void poly1305OverTheCiphertextGivesFigure17() {
        ChaCha20 main = new ChaCha20(KEY, 0);
        main.resetOriginal(Hex.bytes("0000000000000007"), 0, 0);
        byte[] polyKey = new byte[32];
        main.keystream(polyKey, 0, 32);
        Poly1305 poly = new Poly1305();
        poly.init(polyKey, 0);
        poly.update(WIRE, 0, 76);
        byte[] tag = new byte[16];
        poly.finish(tag, 0);
        assertThat(Hex.hex(tag)).isEqualTo("95349e855bf02c298ef775f2d1a7e8b8");
    }

    /** Renders 32-bit words as ChaCha20 outputs them: each little-endian. */
    private static String words(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            long v = Long.parseLong(word.substring(2), 16);
            for (int i = 0; i < 4; i++) {
                out.append(String.format("%02x", (v >>> (8 * i)) & 0xff));
            }
        }
        return out.toString();
    }
}
