package org.sshstack.crypto.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;

/** AES-GCM for SSH (RFC 5647 §7): the per-packet invocation counter, checked against JCA and Bouncy Castle. */
class AesGcmTest {

    private static final byte[] KEY = Hex.bytes("feffe9928665731c6d6a8f9467308308");
    private static final byte[] IV = Hex.bytes("cafebabe facedbad decaf888");

    @Test
    void gcmSpecificationTestCases3And4ThroughTheJcaPrimitive() throws Exception {
        // McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", rev. 2005, Appendix B, test cases 3 and 4
        byte[] p = Hex.bytes("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");
        String c = "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985";
        assertThat(Hex.hex(jca(KEY, IV, new byte[0], p))).isEqualTo(c + "4d5c2af327cd64a62cf35abd2ba6fab4");
        byte[] aad = Hex.bytes("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        assertThat(Hex.hex(jca(KEY, IV, aad, Arrays.copyOf(p, 60))))
                .isEqualTo(c.substring(0, 120) + "5bc94fbc3221a5db94fae95ae7121a47");
    }

    @Test
    void consecutivePacketsUseNonceFixedPlusIncrementedInvocationCounter() throws Exception {
        PacketSealer sealer = CipherAlgorithm.AES128_GCM.newSealer(KEY, IV, null, null);
        byte[] packet = packet(32, 7);
        byte[] first = sealOnce(sealer, 3, packet);
        byte[] second = sealOnce(sealer, 4, packet);

        // RFC 5647 §7.1: nonce = fixed (4 bytes) || invocation_counter (8 bytes), +1 after each packet
        byte[] aad = Arrays.copyOf(packet, 4);
        byte[] body = Arrays.copyOfRange(packet, 4, packet.length);
        assertThat(Arrays.copyOfRange(first, 4, first.length)).isEqualTo(jca(KEY, IV, aad, body))
                .isEqualTo(bc(KEY, IV, aad, body));
        byte[] next = Hex.bytes("cafebabe facedbad decaf889");
        assertThat(Arrays.copyOfRange(second, 4, second.length)).isEqualTo(jca(KEY, next, aad, body))
                .isEqualTo(bc(KEY, next, aad, body));
        assertThat(Arrays.copyOf(first, 4)).as("length in clear").isEqualTo(aad);
        // Known answer, pinned after the JCA and Bouncy Castle agreed on it
        assertThat(Hex.hex(first)).isEqualTo(Hex.hex(PINNED_FIRST));
    }

    @Test
    void invocationCounterCarriesAcross64BitsAndLeavesTheFixedFieldAlone() throws Exception {
        byte[] iv = Hex.bytes("01020304 00000000ffffffff");
        byte[] wrap = Hex.bytes("01020304 ffffffffffffffff");
        byte[] packet = packet(16, 4);
        byte[] aad = Arrays.copyOf(packet, 4);
        byte[] body = Arrays.copyOfRange(packet, 4, packet.length);

        PacketSealer sealer = CipherAlgorithm.AES256_GCM.newSealer(new byte[32], iv, null, null);
        sealOnce(sealer, 0, packet);
        byte[] second = sealOnce(sealer, 1, packet);
        assertThat(Arrays.copyOfRange(second, 4, second.length))
                .isEqualTo(jca(new byte[32], Hex.bytes("01020304 0000000100000000"), aad, body));

        PacketSealer wrapping = CipherAlgorithm.AES256_GCM.newSealer(new byte[32], wrap, null, null);
        sealOnce(wrapping, 0, packet);
        byte[] afterWrap = sealOnce(wrapping, 1, packet);
        assertThat(Arrays.copyOfRange(afterWrap, 4, afterWrap.length))
                .isEqualTo(jca(new byte[32], Hex.bytes("01020304 0000000000000000"), aad, body));
    }

    @Test
    void openerFollowsTheSameCounterAndRejectsAReplayedPacket() throws Exception {
        PacketSealer sealer = CipherAlgorithm.AES128_GCM.newSealer(KEY, IV, null, null);
        PacketOpener opener = CipherAlgorithm.AES128_GCM.newOpener(KEY, IV, null, null);
        byte[] first = sealOnce(sealer, 0, packet(32, 7));
        byte[] second = sealOnce(sealer, 1, packet(48, 9));

        byte[] buf = first.clone();
        opener.open(0, buf, 0, opener.decryptLength(0, buf, 0));
        byte[] replay = first.clone();
        assertThatThrownBy(() -> opener.open(1, replay, 0, opener.decryptLength(1, replay, 0)))
                .isInstanceOf(MacMismatchException.class)
                .extracting(e -> ((SshException) e).reason()).isEqualTo(DisconnectReason.MAC_ERROR);
        PacketOpener fresh = CipherAlgorithm.AES128_GCM.newOpener(KEY, IV, null, null);
        byte[] out = first.clone();
        fresh.open(0, out, 0, 32);
        byte[] out2 = second.clone();
        assertThat(fresh.open(1, out2, 0, fresh.decryptLength(1, out2, 0))).isEqualTo(52);
        assertThat(Arrays.copyOf(out2, 52)).isEqualTo(packet(48, 9));
    }

    private static final byte[] PINNED_FIRST = Hex.bytes("00000020 9c77ee97fbd90e6bdca0e24f950ffce5"
            + "600abfe849a00aaf54cdae6a9230972d c4c15affacd73cd7cae76c569c73a4d5");

    /** A plaintext packet with the given packet_length and padding length, payload bytes seeded. */
    static byte[] packet(int packetLength, int padding) {
        byte[] p = new byte[4 + packetLength];
        new Random(packetLength).nextBytes(p);
        Packets.writeInt(p, 0, packetLength);
        p[4] = (byte) padding;
        return p;
    }

    private static byte[] sealOnce(PacketSealer sealer, int seq, byte[] packet) throws SshException {
        byte[] buf = Arrays.copyOf(packet, packet.length + sealer.tagLength());
        assertThat(sealer.seal(seq, buf, 0, packet.length)).isEqualTo(buf.length);
        return buf;
    }

    static byte[] jca(byte[] key, byte[] iv, byte[] aad, byte[] plaintext) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(aad);
        return cipher.doFinal(plaintext);
    }

    private static byte[] bc(byte[] key, byte[] iv, byte[] aad, byte[] plaintext) throws Exception {
        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(true, new AEADParameters(new KeyParameter(key), 128, iv, aad));
        byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
        gcm.doFinal(out, n);
        return out;
    }
}
