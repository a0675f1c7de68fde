package org.sshstack.transport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sshstack.wire.KexProposal;

/**
 * The algorithms one side offers, each list in preference order; the same cipher, MAC and compression lists are
 * offered in both directions. Only names from {@link AlgorithmNames} are accepted, insecure ones only when named
 * explicitly: the defaults never contain them.
 *
 * <p>Defaults follow SECURITY.md §6.1 (server) and §6.3 (client): post-quantum hybrid kex first, no SHA-1, no CBC;
 * the client also offers NIST ECDH and finite-field DH for older servers, and the encrypt-and-MAC forms at the end.
 *
 * @param kex key exchange methods (never the pseudo-algorithm markers: {@link #proposal} appends them)
 * @param hostKeys host key algorithms
 * @param ciphers encryption algorithms
 * @param macs MAC algorithms
 * @param compression compression algorithms
 */
public record AlgorithmPreferences(
        List<String> kex, List<String> hostKeys, List<String> ciphers, List<String> macs, List<String> compression) {

    /**
     * Copies and checks every list: non-empty, no duplicate, known to sshstack in that category.
     *
     * @throws IllegalArgumentException naming the offending list and name
     */
    public AlgorithmPreferences {
        kex = checked("kex", kex, AlgorithmNames.KEX, AlgorithmNames.INSECURE_KEX);
        hostKeys = checked("host key", hostKeys, AlgorithmNames.HOST_KEY, AlgorithmNames.INSECURE_HOST_KEY);
        ciphers = checked("cipher", ciphers, AlgorithmNames.CIPHER, AlgorithmNames.INSECURE_CIPHER);
        macs = checked("MAC", macs, AlgorithmNames.MAC, AlgorithmNames.INSECURE_MAC);
        compression = checked("compression", compression, AlgorithmNames.COMPRESSION,
                AlgorithmNames.INSECURE_COMPRESSION);
    }

    /** @return what a client offers by default (SECURITY.md §6.3) */
    public static AlgorithmPreferences clientDefaults() {
        return new AlgorithmPreferences(AlgorithmNames.KEX, AlgorithmNames.HOST_KEY, AlgorithmNames.CIPHER,
                AlgorithmNames.MAC, List.of("none"));
    }

    /**
     * What a server offers by default (SECURITY.md §6.1): hybrid and X25519 kex only, Ed25519 and RSA-SHA2 host
     * keys (the engine keeps those it holds a key for), encrypt-then-MAC only, no compression.
     *
     * @return the server defaults
     */
    public static AlgorithmPreferences serverDefaults() {
        return new AlgorithmPreferences(AlgorithmNames.KEX.subList(0, 5),
                List.of("ssh-ed25519-cert-v01@openssh.com", "rsa-sha2-512-cert-v01@openssh.com",
                        "rsa-sha2-256-cert-v01@openssh.com", "ssh-ed25519", "rsa-sha2-512", "rsa-sha2-256"),
                AlgorithmNames.CIPHER, AlgorithmNames.MAC.subList(0, 2), List.of("none"));
    }

    /**
     * @param role the side
     * @return the defaults for that side
     */
    public static AlgorithmPreferences defaults(Role role) {
        return role == Role.CLIENT ? clientDefaults() : serverDefaults();
    }

    /**
     * @param role the side whose defaults the builder starts from
     * @return a builder
     */
    public static Builder builder(Role role) {
        return new Builder(defaults(role));
    }

    /**
     * The name-lists of our KEXINIT. In the initial key exchange the markers are appended to kex_algorithms:
     * ext-info-c / ext-info-s (RFC 8308 §2.1) and kex-strict-c/s-v00@openssh.com (draft-ietf-sshm-strict-kex §3.1,
     * which makes them meaningful only in the initial KEXINIT).
     *
     * @param role our side
     * @param initialKex true for the first key exchange of the connection
     * @return the proposal, same lists in both directions, no languages
     */
    public KexProposal proposal(Role role, boolean initialKex) {
        List<String> kexNames = new ArrayList<>(kex);
        if (initialKex) {
            boolean client = role == Role.CLIENT;
            kexNames.add(client ? AlgorithmNames.EXT_INFO_C : AlgorithmNames.EXT_INFO_S);
            kexNames.add(client ? AlgorithmNames.KEX_STRICT_C_V00 : AlgorithmNames.KEX_STRICT_S_V00);
        }
        return KexProposal.symmetric(kexNames, hostKeys, ciphers, macs, compression);
    }

    /** @return the insecure names these preferences contain (for a startup warning), empty for the defaults */
    public List<String> insecureNames() {
        List<String> insecure = new ArrayList<>();
        for (List<String> list : List.of(kex, hostKeys, ciphers, macs, compression)) {
            for (String name : list) {
                if (AlgorithmNames.INSECURE_KEX.contains(name) || AlgorithmNames.INSECURE_HOST_KEY.contains(name)
                        || AlgorithmNames.INSECURE_CIPHER.contains(name) || AlgorithmNames.INSECURE_MAC.contains(name)
                        || AlgorithmNames.INSECURE_COMPRESSION.contains(name)) {
                    insecure.add(name);
                }
            }
        }
        return insecure;
    }

    private static List<String> checked(String what, List<String> names, List<String> known, List<String> optIn) {
        List<String> copy = List.copyOf(names);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " list is empty");
        }
        Set<String> seen = new HashSet<>();
        for (String name : copy) {
            if (!known.contains(name) && !optIn.contains(name)) {
                throw new IllegalArgumentException("unknown " + what + " algorithm \"" + name + "\"; known: "
                        + known + ", opt-in: " + optIn);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(what + " algorithm \"" + name + "\" is listed twice");
            }
        }
        return copy;
    }

    /** Builds preferences from a side's defaults, replacing whole lists. */
    public static final class Builder {

        private List<String> kex;
        private List<String> hostKeys;
        private List<String> ciphers;
        private List<String> macs;
        private List<String> compression;

        private Builder(AlgorithmPreferences start) {
            kex = start.kex;
            hostKeys = start.hostKeys;
            ciphers = start.ciphers;
            macs = start.macs;
            compression = start.compression;
        }

        /** @param names key exchange methods, most preferred first */
        public Builder kex(String... names) {
            kex = List.of(names);
            return this;
        }

        /** @param names host key algorithms, most preferred first */
        public Builder hostKeys(String... names) {
            hostKeys = List.of(names);
            return this;
        }

        /** @param names ciphers, most preferred first */
        public Builder ciphers(String... names) {
            ciphers = List.of(names);
            return this;
        }

        /** @param names MACs, most preferred first */
        public Builder macs(String... names) {
            macs = List.of(names);
            return this;
        }

        /** @param names compression algorithms, most preferred first */
        public Builder compression(String... names) {
            compression = List.of(names);
            return this;
        }

        /**
         * @return the preferences
         * @throws IllegalArgumentException if a list is empty, repeats a name or holds an unknown name
         */
        public AlgorithmPreferences build() {
            return new AlgorithmPreferences(kex, hostKeys, ciphers, macs, compression);
        }
    }
}
