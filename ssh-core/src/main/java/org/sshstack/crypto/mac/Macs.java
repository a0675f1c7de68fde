package org.sshstack.crypto.mac;

import java.util.List;
import java.util.Optional;

/** The registry of packet MACs by wire name: defaults (EtM first, no SHA-1) and legacy algorithms, opt-in only. */
public final class Macs {

    private static final List<MacAlgorithm> DEFAULTS = List.of(
            MacAlgorithm.HMAC_SHA2_256_ETM,
            MacAlgorithm.HMAC_SHA2_512_ETM,
            MacAlgorithm.HMAC_SHA2_256,
            MacAlgorithm.HMAC_SHA2_512);

    private static final List<MacAlgorithm> LEGACY = List.of(
            MacAlgorithm.HMAC_SHA1_ETM,
            MacAlgorithm.HMAC_SHA1);

    private Macs() {
    }

    /** @return the MACs offered by default, most preferred first */
    public static List<MacAlgorithm> defaults() {
        return DEFAULTS;
    }

    /** @return the insecure or deprecated MACs, which a configuration may enable only by name (SECURITY.md B10) */
    public static List<MacAlgorithm> legacy() {
        return LEGACY;
    }

    /**
     * @param name a wire name from SSH_MSG_KEXINIT
     * @return the MAC with that name, legacy ones included, if supported
     */
    public static Optional<MacAlgorithm> byWireName(String name) {
        for (MacAlgorithm algorithm : MacAlgorithm.values()) {
            if (algorithm.wireName().equals(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
