package org.sshstack.keys.openssh;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.sshstack.wire.SshWriter;

/** Builds openssh-key-v1 binaries by hand (PROTOCOL.key §1, §3) so tests can produce precise corruptions. */
final class KeyFileBuilder {

    private KeyFileBuilder() {
    }

    /**
     * @param cipher cipher name in the header
     * @param kdf KDF name
     * @param kdfOptions KDF options string
     * @param publicBlob the header's public key
     * @param privateBody writes the key fields after the check ints (type name first)
     * @param comment the comment
     * @param padding the padding bytes to append
     * @return the binary file
     */
    static byte[] build(String cipher, String kdf, byte[] kdfOptions, byte[] publicBlob,
            Consumer<SshWriter> privateBody, String comment, byte[] padding) {
        SshWriter section = new SshWriter().writeUint32(0x12345678).writeUint32(0x12345678);
        privateBody.accept(section);
        section.writeString(comment).writeBytes(padding);
        return new SshWriter().writeBytes("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII))
                .writeString(cipher).writeString(kdf).writeString(kdfOptions).writeUint32(1)
                .writeString(publicBlob).writeString(section.toByteArray()).toByteArray();
    }

    /** @return the padding that brings {@code length} to a multiple of 8, as 1, 2, 3, ... */
    static byte[] padFor(int length) {
        int count = (8 - length % 8) % 8;
        byte[] pad = new byte[count];
        for (int i = 0; i < count; i++) {
            pad[i] = (byte) (i + 1);
        }
        return pad;
    }
}
