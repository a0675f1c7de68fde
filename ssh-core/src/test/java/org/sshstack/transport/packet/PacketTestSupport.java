package org.sshstack.transport.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sshstack.SshException;
import org.sshstack.crypto.cipher.CipherAlgorithm;
import org.sshstack.crypto.cipher.Cleartext;
import org.sshstack.crypto.cipher.PacketOpener;
import org.sshstack.crypto.cipher.PacketSealer;
import org.sshstack.crypto.mac.MacAlgorithm;

/** Shared test fixtures: key suites with fixed keys, seeded randomness, and a driver that feeds in splits. */
final class PacketTestSupport {

    private PacketTestSupport() {
    }

    /** One cipher (and MAC for non-AEAD ciphers) with fixed keys; null cipher means the cleartext state. */
    record Suite(CipherAlgorithm cipher, MacAlgorithm mac, byte[] key, byte[] iv, byte[] macKey) {

        static final Suite CLEARTEXT = new Suite(null, null, null, null, null);

        static Suite of(CipherAlgorithm cipher, MacAlgorithm mac) {
            Random random = new Random(cipher.ordinal() * 131L + (mac == null ? 0 : mac.ordinal() + 1));
            byte[] key = new byte[cipher.keyLength()];
            byte[] iv = new byte[cipher.ivLength()];
            byte[] macKey = mac == null ? null : new byte[mac.keyLength()];
            random.nextBytes(key);
            random.nextBytes(iv);
            if (macKey != null) {
                random.nextBytes(macKey);
            }
            return new Suite(cipher, mac, key, iv, macKey);
        }

        /** @return every cipher, crossed with every MAC for the non-AEAD ones */
        static List<Suite> all() {
            List<Suite> out = new ArrayList<>();
            for (CipherAlgorithm cipher : CipherAlgorithm.values()) {
                if (cipher.isAead()) {
                    out.add(of(cipher, null));
                } else {
                    for (MacAlgorithm mac : MacAlgorithm.values()) {
                        out.add(of(cipher, mac));
                    }
                }
            }
            return out;
        }

        /** @return one suite per opener family: cleartext, CTR+MAC, CTR+EtM, GCM, chacha20-poly1305 */
        static List<Suite> families() {
            return List.of(CLEARTEXT, of(CipherAlgorithm.AES128_CTR, MacAlgorithm.HMAC_SHA2_256),
                    of(CipherAlgorithm.AES256_CTR, MacAlgorithm.HMAC_SHA2_512_ETM), of(CipherAlgorithm.AES128_GCM, null),
                    of(CipherAlgorithm.CHACHA20_POLY1305, null));
        }

        PacketSealer sealer() throws SshException {
            return cipher == null ? Cleartext.sealer() : cipher.newSealer(key, iv, mac, macKey);
        }

        PacketOpener opener() throws SshException {
            return cipher == null ? Cleartext.opener() : cipher.newOpener(key, iv, mac, macKey);
        }

        /** @return true if the MAC or nonce depends on the sequence number (AES-GCM keeps its own counter) */
        boolean usesSequenceNumber() {
            return cipher != null && cipher != CipherAlgorithm.AES128_GCM && cipher != CipherAlgorithm.AES256_GCM;
        }

        /** @return true if the length field is sent in clear */
        boolean clearLength() {
            return cipher == null || cipher == CipherAlgorithm.AES128_GCM || cipher == CipherAlgorithm.AES256_GCM
                    || (mac != null && mac.etm());
        }

        @Override
        public String toString() {
            return cipher == null ? "cleartext" : cipher.wireName() + (mac == null ? "" : " + " + mac.wireName());
        }
    }

    /** @return a deterministic SecureRandom (SHA1PRNG seeded before first use) */
    static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** @return an encoder keyed with the suite (cleartext needs no install) */
    static PacketEncoder encoder(Suite suite, long seed) throws SshException {
        PacketEncoder encoder = new PacketEncoder(seeded(seed));
        if (suite.cipher() != null) {
            encoder.install(suite.sealer(), null);
        }
        return encoder;
    }

    /** @return a decoder keyed with the suite */
    static PacketDecoder decoder(Suite suite) throws SshException {
        PacketDecoder decoder = new PacketDecoder();
        if (suite.cipher() != null) {
            decoder.install(suite.opener(), null);
        }
        return decoder;
    }

    /** Concatenates byte arrays. */
    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /**
     * Feeds {@code stream} in chunks of 1..maxChunk bytes (1 means one byte at a time), polling after every feed and
     * honouring partial acceptance; checks the buffer bound throughout.
     *
     * @return every payload returned
     */
    static List<byte[]> decodeInChunks(PacketDecoder decoder, byte[] stream, int maxChunk, Random random)
            throws SshException {
        List<byte[]> out = new ArrayList<>();
        int at = 0;
        while (at < stream.length) {
            int chunk = maxChunk <= 1 ? 1 : 1 + random.nextInt(maxChunk);
            int len = Math.min(chunk, stream.length - at);
            at += decoder.feed(stream, at, len);
            drain(decoder, out);
        }
        drain(decoder, out);
        return out;
    }

    /** Polls until null, collecting payloads and checking the memory bound. */
    static void drain(PacketDecoder decoder, List<byte[]> out) throws SshException {
        for (byte[] payload = decoder.poll(); payload != null; payload = decoder.poll()) {
            out.add(payload);
        }
        assertThat(decoder.bufferLength()).isLessThanOrEqualTo(decoder.capacity());
        assertThat(decoder.buffered()).isLessThanOrEqualTo(decoder.capacity());
    }

    /** Encodes each payload and returns the concatenated wire bytes. */
    static byte[] encodeAll(PacketEncoder encoder, List<byte[]> payloads) throws SshException {
        List<byte[]> wire = new ArrayList<>();
        for (byte[] payload : payloads) {
            wire.add(encoder.encode(payload));
        }
        return concat(wire);
    }

    /** @return random payloads of the given sizes; every other one compressible text */
    static List<byte[]> payloads(Random random, int... sizes) {
        List<byte[]> out = new ArrayList<>();
        for (int size : sizes) {
            out.add(payload(random, size));
        }
        return out;
    }

    static byte[] payload(Random random, int size) {
        byte[] payload = new byte[size];
        if (random.nextBoolean()) {
            random.nextBytes(payload);
        } else {
            for (int i = 0; i < size; i++) {
                payload[i] = (byte) ("the quick brown fox ".charAt(i % 20) + (i / 977) % 3);
            }
        }
        return payload;
    }

    /**
     * Polls, feeding zeros while the decoder waits (a corrupted length may announce a longer packet), until it
     * fails; fails the test if it ever returns a payload or raises anything but an SshException.
     *
     * @return the decoder's failure
     */
    static SshException failure(PacketDecoder decoder) {
        byte[] zeros = new byte[64 * 1024];
        for (int round = 0; round < 10; round++) {
            try {
                byte[] payload = decoder.poll();
                assertThat(payload).as("a corrupted packet was accepted").isNull();
                decoder.feed(zeros, 0, zeros.length);
            } catch (SshException expected) {
                assertThat(decoder.isFailed()).isTrue();
                assertThat(decoder.bufferLength()).isLessThanOrEqualTo(decoder.capacity());
                return expected;
            }
        }
        throw new AssertionError("decoder neither failed nor finished");
    }
}
