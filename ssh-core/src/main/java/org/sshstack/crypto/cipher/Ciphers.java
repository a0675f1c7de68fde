package org.sshstack.crypto.cipher;

import java.util.List;
import java.util.Optional;

/** The registry of packet ciphers by wire name, with the default preference order (DESIGN.md §5: no CBC). */
public final class Ciphers {

    private static final List<CipherAlgorithm> DEFAULTS = List.of(
            CipherAlgorithm.CHACHA20_POLY1305,
            CipherAlgorithm.AES128_GCM,
            CipherAlgorithm.AES256_GCM,
            CipherAlgorithm.AES128_CTR,
            CipherAlgorithm.AES192_CTR,
            CipherAlgorithm.AES256_CTR);

    private Ciphers() {
    }

    /** @return every supported cipher, in default preference order */
    public static List<CipherAlgorithm> supported() {
        return DEFAULTS;
    }

    /** @return the ciphers offered by default, most preferred first */
    public static List<CipherAlgorithm> defaults() {
        return DEFAULTS;
    }

    /**
     * @param name a wire name from SSH_MSG_KEXINIT
     * @return the cipher with that name, if supported
     */
    public static Optional<CipherAlgorithm> byWireName(String name) {
        for (CipherAlgorithm algorithm : CipherAlgorithm.values()) {
            if (algorithm.wireName().equals(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
