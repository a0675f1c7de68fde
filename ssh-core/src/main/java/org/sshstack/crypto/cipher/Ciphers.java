package org.sshstack.crypto.cipher;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The registry of packet ciphers by wire name, with the default preference order (DESIGN.md §5: no CBC). */
public final class Ciphers {

    private static final List<CipherAlgorithm> DEFAULTS = List.of(
            CipherAlgorithm.CHACHA20_POLY1305,
            CipherAlgorithm.AES128_GCM,
            CipherAlgorithm.AES256_GCM,
            CipherAlgorithm.AES128_CTR,
            CipherAlgorithm.AES192_CTR,
            CipherAlgorithm.AES256_CTR);

    /** Opt-in only: CBC and 3DES (CVE-2008-5161), used when a caller names them, never offered by default. */
    private static final List<CipherAlgorithm> LEGACY = List.of(
            CipherAlgorithm.AES256_CBC,
            CipherAlgorithm.AES192_CBC,
            CipherAlgorithm.AES128_CBC,
            CipherAlgorithm.TRIPLE_DES_CBC);

    private static final List<CipherAlgorithm> SUPPORTED =
            Stream.concat(DEFAULTS.stream(), LEGACY.stream()).toList();

    private Ciphers() {
    }

    /** @return every supported cipher: the defaults in preference order, then the legacy ones (opt-in by name) */
    public static List<CipherAlgorithm> supported() {
        return SUPPORTED;
    }

    /** @return the legacy ciphers, implemented for old peers but used only when named explicitly */
    public static List<CipherAlgorithm> legacy() {
        return LEGACY;
    }

    /** @return the ciphers offered by default, most preferred first */
    public static List<CipherAlgorithm> defaults() {
        return DEFAULTS;
    }

    /**
     * @param name a wire name from SSH_MSG_KEXINIT
     * @return the cipher with that name, if supported (legacy ones included: whether a name may be used at all is
     *     decided when preferences are built, where legacy names must be named explicitly)
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
