package org.sshstack.keys;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Turns a key file passphrase into the bytes its key derivation takes, leaving no copy but the one returned. */
public final class Passphrases {

    private Passphrases() {
    }

    /**
     * @param passphrase the passphrase
     * @return its UTF-8 bytes (the caller wipes them); the encoder's intermediate buffer is wiped here
     */
    public static byte[] utf8(char[] passphrase) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] out = new byte[encoded.remaining()];
        encoded.get(out);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return out;
    }
}
