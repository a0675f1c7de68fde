package org.sshstack.interop;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PuTTY 0.78's verbose event log ({@code plink -v}), which describes algorithms in words rather than SSH names:
 * "Doing ECDH key exchange with curve nistp384, using hash SHA-384", the host key's type under "Host key fingerprint
 * is:", "Initialised AES-256 SDCTR ... outbound encryption", "Initialised HMAC-SHA-1 ... outbound MAC algorithm (in
 * ETM mode)". Maps each SSH name to the line that shows it was negotiated.
 */
final class PlinkLog {

    /** The line plink logs when it starts user authentication (after the service request was accepted). */
    static final String REACHED_AUTHENTICATION = "Using username \"tester\".";

    private PlinkLog() {
    }

    /**
     * @param log plink's stderr with {@code -v}
     * @param category "kex", "hostkey", "cipher" or "mac"
     * @param name the SSH name expected to have been negotiated
     * @return the log line describing it, if there is one
     */
    static Optional<String> evidence(String log, String category, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + pattern(category, name) + ".*$").matcher(log);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    private static String pattern(String category, String name) {
        return switch (category) {
            case "kex" -> kex(name);
            case "hostkey" -> Pattern.quote(name.startsWith("rsa-") ? "ssh-rsa" : name) + " \\d+ SHA256:";
            case "cipher" -> "Initialised " + cipher(name) + " .*outbound encryption";
            default -> "Initialised HMAC-" + hash(name.replaceFirst("^hmac-", "").replaceFirst("-etm@openssh.com$",
                    "")) + " .*outbound MAC algorithm" + (name.contains("-etm@") ? " \\(in ETM mode\\)" : "$");
        };
    }

    private static String kex(String name) {
        if (name.startsWith("sntrup761x25519-")) {
            return "Doing NTRU Prime / Curve25519 hybrid key exchange, using hash SHA-512";
        }
        if (name.startsWith("curve25519-")) {
            return "Doing ECDH key exchange with curve Curve25519, using hash SHA-256";
        }
        if (name.startsWith("ecdh-sha2-")) {
            String curve = name.substring("ecdh-sha2-".length());
            String bits = curve.substring("nistp".length());
            return "Doing ECDH key exchange with curve " + curve + ", using hash SHA-" + (bits.equals("521") ? "512"
                    : bits);
        }
        String hash = hash(name.substring(name.lastIndexOf('-') + 1));
        String group = name.startsWith("diffie-hellman-group-exchange-") ? "a server-supplied group"
                : "standard group \"" + name.substring("diffie-hellman-".length(), name.lastIndexOf('-')) + "\"";
        return "Doing Diffie-Hellman key exchange using \\d+-bit modulus and hash " + hash + " .*with "
                + Pattern.quote(group);
    }

    /** "sha1" -> "SHA-1", "sha2-256" or "sha256" -> "SHA-256". */
    private static String hash(String sshHash) {
        return "SHA-" + sshHash.replaceFirst("^sha(2-)?", "");
    }

    private static String cipher(String name) {
        if (name.startsWith("chacha20-")) {
            return "ChaCha20";
        }
        if (name.equals("3des-cbc")) {
            return "triple-DES CBC";
        }
        String bits = name.substring("aes".length(), "aes".length() + 3);
        String mode = name.contains("-gcm") ? "GCM" : name.endsWith("-ctr") ? "SDCTR" : "CBC";
        return "AES-" + bits + " " + mode;
    }
}
