package org.sshstack.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PuTTY 0.78's algorithm families: plink is configured per family through saved-session settings ({@code KEX},
 * {@code HostKey}, {@code Cipher}), never per SSH name, and has no MAC setting at all. Maps each SSH name plink
 * offers to its family and builds the setting that puts one family alone above {@code WARN}.
 */
final class PlinkFamilies {

    /** Every KEX family of PuTTY 0.78, in its default order. */
    static final List<String> KEX = List.of("ntru-curve25519", "ecdh", "dh-gex-sha1", "dh-group18-sha512",
            "dh-group17-sha512", "dh-group16-sha512", "dh-group15-sha512", "dh-group14-sha1", "rsa",
            "dh-group1-sha1");

    /** Every host key family of PuTTY 0.78. */
    static final List<String> HOST_KEY = List.of("ed25519", "ed448", "ecdsa", "rsa", "dsa");

    /** Every cipher family of PuTTY 0.78. */
    static final List<String> CIPHER = List.of("aes", "chacha20", "aesgcm", "3des", "blowfish", "arcfour", "des");

    private PlinkFamilies() {
    }

    /**
     * @return a saved session with every family above {@code WARN}, and single-DES for SSH-2 switched on
     *     ({@code SSH2DES}), so plink's KEXINIT lists every name it can speak
     */
    static Map<String, String> everything() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("KEX", String.join(",", KEX) + ",WARN");
        settings.put("HostKey", String.join(",", HOST_KEY) + ",WARN");
        settings.put("Cipher", String.join(",", CIPHER) + ",WARN");
        settings.put("SSH2DES", "1");
        return settings;
    }

    /**
     * @param category "kex", "hostkey" or "cipher"
     * @param family one of that category's families
     * @return the session setting that accepts only that family without a warning (the rest follow {@code WARN},
     *     so in batch mode choosing them fails instead of prompting)
     */
    static Map<String, String> only(String category, String family) {
        List<String> order = new ArrayList<>(families(category));
        order.remove(family);
        order.add(0, "WARN");
        order.add(0, family);
        return Map.of(setting(category), String.join(",", order));
    }

    /** @return the saved-session key of a category */
    static String setting(String category) {
        return switch (category) {
            case "kex" -> "KEX";
            case "hostkey" -> "HostKey";
            default -> "Cipher";
        };
    }

    private static List<String> families(String category) {
        return switch (category) {
            case "kex" -> KEX;
            case "hostkey" -> HOST_KEY;
            default -> CIPHER;
        };
    }

    /**
     * @param category "kex", "hostkey" or "cipher"
     * @param name an SSH algorithm name plink offers
     * @return the PuTTY family that offers it
     */
    static String family(String category, String name) {
        return switch (category) {
            case "kex" -> kexFamily(name);
            case "hostkey" -> hostKeyFamily(name);
            default -> cipherFamily(name);
        };
    }

    private static String kexFamily(String name) {
        if (name.startsWith("sntrup761x25519")) {
            return "ntru-curve25519";
        }
        if (name.startsWith("curve") || name.startsWith("ecdh-")) {
            return "ecdh";
        }
        if (name.startsWith("diffie-hellman-group-exchange-")) {
            return "dh-gex-sha1";
        }
        if (name.startsWith("rsa")) {
            return "rsa";
        }
        if (name.startsWith("diffie-hellman-group14-")) {
            return "dh-group14-sha1";
        }
        return "dh-" + name.substring("diffie-hellman-".length()); // group1-sha1, group15..18-sha512
    }

    private static String hostKeyFamily(String name) {
        if (name.startsWith("ecdsa-")) {
            return "ecdsa";
        }
        if (name.startsWith("rsa-") || name.equals("ssh-rsa")) {
            return "rsa";
        }
        return name.equals("ssh-dss") ? "dsa" : name.substring("ssh-".length()); // ed25519, ed448
    }

    private static String cipherFamily(String name) {
        if (name.startsWith("chacha20")) {
            return "chacha20";
        }
        if (name.contains("-gcm")) {
            return "aesgcm";
        }
        if (name.startsWith("aes") || name.startsWith("rijndael")) {
            return "aes";
        }
        return name.substring(0, name.indexOf('-') > 0 ? name.indexOf('-') : name.length())
                .replaceAll("\\d+$", ""); // 3des, blowfish, arcfour, des
    }
}
