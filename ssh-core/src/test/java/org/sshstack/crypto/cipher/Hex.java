package org.sshstack.crypto.cipher;

import java.util.HexFormat;

/** Hex helpers for the cipher tests: spaces and line breaks in pasted spec text are ignored. */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
