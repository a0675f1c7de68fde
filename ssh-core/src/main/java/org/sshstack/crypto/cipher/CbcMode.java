package org.sshstack.crypto.cipher;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.crypto.mac.PacketMac;
import org.sshstack.wire.WireLimits;

/**
 * LEGACY CBC packet ciphers (RFC 4253 §6.3: aes128/192/256-cbc, 3des-cbc) with a separate MAC, in encrypt-and-MAC
 * order (RFC 4253 §6.4) or encrypt-then-MAC order (OpenSSH PROTOCOL §1.5). The chaining value runs on across the
 * packets of a direction: each packet's IV is the last ciphertext block of the one before. Opt-in by name only.
 *
 * <p><b>CBC length oracle countermeasure</b> (CVE-2008-5161, SECURITY.md B10; the countermeasure of OpenSSH 5.2 and
 * Go's x/crypto/ssh). In encrypt-and-MAC mode the length sits in the first encrypted block, which the receiver must
 * decrypt and act on before the MAC can be checked. If a bad length made the opener fail at once, an attacker who
 * injects a ciphertext block would learn, from how the connection fails, whether 32 bits of the plaintext under it
 * form a valid length. So {@link Opener#decryptLength} never fails on the decrypted length: a length that is too
 * short, not block aligned or above {@link WireLimits#MAX_PACKET} is replaced by {@link #CAMOUFLAGE_LENGTH} (the
 * largest aligned length within the 256 KiB cap), the opener remembers that the packet is void, and
 * {@link Opener#open} later, once the transport has buffered that much, decrypts and MACs it as usual and throws the
 * same {@link MacMismatchException}, with the same message, as a plain MAC failure. The data consumed is bounded by
 * the cap (the transport's buffer never grows past it). What remains, as in OpenSSH: a block that decrypts to a
 * valid length still fails after that many bytes, which is why CBC is never offered by default. The
 * encrypt-then-MAC forms send the length in clear and verify the MAC before decrypting, so they have no such oracle.
 */
final class CbcMode {

    /**
     * packet_length the opener reports when the decrypted one is invalid: the largest value within
     * {@link WireLimits#MAX_PACKET} for which {@code 4 + length} is a multiple of 16 (and so of 8).
     */
    static final int CAMOUFLAGE_LENGTH = (WireLimits.MAX_PACKET + 4) / 16 * 16 - 4;

    /** A block cipher in CBC mode: JCA transformation, key algorithm and block size in bytes. */
    record Spec(String transformation, String keyAlgorithm, int blockSize) {
    }

    private CbcMode() {
    }

    static Cipher newCipher(Spec spec, int mode, byte[] key, byte[] iv) throws SshException {
        try {
            Cipher cipher = Cipher.getInstance(spec.transformation());
            cipher.init(mode, new SecretKeySpec(key, spec.keyAlgorithm()), new IvParameterSpec(iv));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new SshException(DisconnectReason.KEY_EXCHANGE_FAILED, "Cannot initialise " + spec.transformation(),
                    e);
        }
    }

    /** Encrypts or decrypts whole blocks in place; the chaining value carries over to the next call. */
    static void apply(Cipher cipher, byte[] buf, int off, int len) throws SshException {
        if (len == 0) {
            return;
        }
        try {
            int done = cipher.update(buf, off, len, buf, off);
            if (done != len) {
                throw new SshException(DisconnectReason.PROTOCOL_ERROR, "CBC returned " + done + " of " + len);
            }
        } catch (GeneralSecurityException e) {
            throw new SshException(DisconnectReason.PROTOCOL_ERROR, "CBC failed", e);
        }
    }

    /** Seals with CBC and a MAC (framing in {@link BlockCipherFraming.Sealer}). */
    static final class Sealer extends BlockCipherFraming.Sealer {

        Sealer(Spec spec, byte[] key, byte[] iv, PacketMac mac) throws SshException {
            super(newCipher(spec, Cipher.ENCRYPT_MODE, key, iv), spec.blockSize(), mac);
        }

        @Override
        void crypt(byte[] buf, int off, int len) throws SshException {
            apply(cipher, buf, off, len);
        }

        @Override
        public String toString() {
            return "CbcMode.Sealer[" + cipher.getAlgorithm() + ", " + mac.algorithm().wireName() + "]";
        }
    }

    /**
     * Opens CBC packets (framing in {@link BlockCipherFraming.Opener}): encrypt-and-MAC hides an invalid decrypted
     * length behind a MAC failure (see the class comment), and after any MAC failure every later call fails the same
     * way.
     */
    static final class Opener extends BlockCipherFraming.Opener {
        private final int block;
        private boolean voidPacket;
        private boolean failed;

        Opener(Spec spec, byte[] key, byte[] iv, PacketMac mac) throws SshException {
            super(newCipher(spec, Cipher.DECRYPT_MODE, key, iv), spec.blockSize(), mac);
            this.block = spec.blockSize();
        }

        @Override
        void crypt(byte[] buf, int off, int len) throws SshException {
            apply(cipher, buf, off, len);
        }

        /** CVE-2008-5161: never fails; an invalid length becomes {@link #CAMOUFLAGE_LENGTH} and a void packet. */
        @Override
        int acceptLength(int rawLength) {
            long length = rawLength & 0xffffffffL;
            boolean valid = length >= Packets.MIN_PACKET_LENGTH && length <= WireLimits.MAX_PACKET
                    && (4 + length) % block == 0;
            // CVE-2008-5161: never fail here; a void packet fails in open() like a MAC mismatch, after the cap
            voidPacket = !valid;
            return valid ? (int) length : CAMOUFLAGE_LENGTH;
        }

        @Override
        void checkUsable(int seq) throws MacMismatchException {
            if (failed) {
                throw macFailure(seq);
            }
        }

        @Override
        boolean voidPacket() {
            return voidPacket;
        }

        @Override
        MacMismatchException macFailure(int seq) {
            failed = true;
            return super.macFailure(seq);
        }

        @Override
        public String toString() {
            return "CbcMode.Opener[" + cipher.getAlgorithm() + ", " + mac.algorithm().wireName() + "]";
        }
    }
}
