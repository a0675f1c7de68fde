package org.sshstack.crypto.signature;

import java.nio.charset.StandardCharsets;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;

/** Encodes and strictly decodes the SSH signature blob {@code string name || string signature} (RFC 4253 §6.6). */
final class SignatureBlob {

    /** Largest signature payload accepted: an RSA-16384 signature is 2048 bytes; leave room, stay small. */
    static final int MAX_SIGNATURE_BYTES = 4096;

    private SignatureBlob() {
    }

    /**
     * @param name the algorithm wire name
     * @param signature the algorithm-specific signature bytes
     * @return {@code string name || string signature}
     */
    static byte[] encode(String name, byte[] signature) {
        return new SshWriter(16 + name.length() + signature.length)
                .writeString(name.getBytes(StandardCharsets.US_ASCII))
                .writeString(signature)
                .toByteArray();
    }

    /**
     * @param expectedName the algorithm the caller verifies with
     * @param blob the received blob
     * @return the signature bytes inside
     * @throws SshProtocolException if the blob is malformed, names another algorithm or has trailing bytes
     */
    static byte[] decode(String expectedName, byte[] blob) throws SshProtocolException {
        if (blob == null) {
            throw new SshProtocolException("missing signature blob");
        }
        SshReader reader = new SshReader(blob);
        byte[] name = reader.readString(256);
        if (!expectedName.equals(new String(name, StandardCharsets.ISO_8859_1))) {
            throw new SshProtocolException("signature blob is not of algorithm " + expectedName);
        }
        byte[] signature = reader.readString(MAX_SIGNATURE_BYTES);
        reader.expectEnd(); // strict: no trailing data after the signature
        return signature;
    }
}
