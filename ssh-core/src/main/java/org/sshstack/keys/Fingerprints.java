package org.sshstack.keys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * Key fingerprints as {@code ssh-keygen -l} prints them: {@code SHA256:<base64, unpadded>}, {@code MD5:<hex:pairs>},
 * bubblebabble, and the whole {@code ssh-keygen -l} line. A certificate is described by the key it certifies,
 * as OpenSSH does (sshkey_fingerprint hashes the plain key).
 */
public final class Fingerprints {

    private static final String VOWELS = "aeiouy";
    private static final String CONSONANTS = "bcdfghklmnprstvzx";

    private Fingerprints() {
    }

    /**
     * @param key any public key
     * @return {@code SHA256:} followed by the unpadded base64 of the SHA-256 of its (plain) blob
     */
    public static String sha256(SshPublicKey key) {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256", plainBlob(key)));
    }

    /**
     * @param key any public key
     * @return {@code MD5:} followed by colon-separated lower-case hex pairs of the MD5 of its (plain) blob
     */
    public static String md5(SshPublicKey key) {
        byte[] hash = digest("MD5", plainBlob(key));
        StringBuilder out = new StringBuilder("MD5:");
        for (int i = 0; i < hash.length; i++) {
            if (i > 0) {
                out.append(':');
            }
            out.append(String.format("%02x", hash[i] & 0xff));
        }
        return out.toString();
    }

    /**
     * Bubblebabble (Huima 2000) of the SHA-1 of the (plain) blob, as {@code ssh-keygen -B} prints it.
     *
     * @param key any public key
     * @return e.g. {@code xubop-rekyd-...-fuxux}
     */
    public static String bubbleBabble(SshPublicKey key) {
        byte[] d = digest("SHA-1", plainBlob(key));
        StringBuilder out = new StringBuilder("x");
        int seed = 1;
        int rounds = d.length / 2 + 1;
        for (int i = 0; i < rounds; i++) {
            if (i + 1 < rounds || d.length % 2 != 0) {
                int b0 = d[2 * i] & 0xff;
                out.append(VOWELS.charAt((((b0 >> 6) & 3) + seed) % 6)).append(CONSONANTS.charAt((b0 >> 2) & 15))
                        .append(VOWELS.charAt(((b0 & 3) + seed / 6) % 6));
                if (i + 1 < rounds) {
                    int b1 = d[2 * i + 1] & 0xff;
                    out.append(CONSONANTS.charAt((b1 >> 4) & 15)).append('-').append(CONSONANTS.charAt(b1 & 15));
                    seed = (seed * 5 + b0 * 7 + b1) % 36;
                }
            } else {
                out.append(VOWELS.charAt(seed % 6)).append(CONSONANTS.charAt(16)).append(VOWELS.charAt(seed / 6));
            }
        }
        return out.append('x').toString();
    }

    /**
     * The line {@code ssh-keygen -l} prints: {@code <bits> SHA256:... <comment> (<TYPE>)}.
     *
     * @param key any public key
     * @param comment the key's comment; null or empty prints {@code no comment}, as ssh-keygen does
     * @return the line, without a line terminator
     */
    public static String keygenLine(SshPublicKey key, String comment) {
        return keygenLine(key, comment, FingerprintHash.SHA256);
    }

    /**
     * The line {@code ssh-keygen -l -E sha256|md5} prints: {@code <bits> <fingerprint> <comment> (<TYPE>)}.
     *
     * @param key any public key
     * @param comment the key's comment; null or empty prints {@code no comment}, as ssh-keygen does
     * @param hash the fingerprint hash
     * @return the line, without a line terminator
     */
    public static String keygenLine(SshPublicKey key, String comment, FingerprintHash hash) {
        String shown = comment == null || comment.isEmpty() ? "no comment" : comment;
        String fingerprint = hash == FingerprintHash.MD5 ? md5(key) : sha256(key);
        return bits(key) + " " + fingerprint + " " + shown + " (" + typeLabel(key) + ")";
    }

    /**
     * @param key any public key
     * @return its size in bits as ssh-keygen reports it (ed25519 256, ECDSA the curve size, RSA/DSA the modulus)
     */
    public static int bits(SshPublicKey key) {
        SshPublicKey plain = plain(key);
        java.security.PublicKey javaKey = plain instanceof StandardPublicKey standard ? standard.javaKey()
                : ((SecurityKeyPublicKey) plain).javaKey();
        if (javaKey instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (javaKey instanceof DSAPublicKey dsa) {
            return dsa.getParams().getP().bitLength();
        }
        if (javaKey instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        return 256;
    }

    /**
     * @param key any public key
     * @return the type as ssh-keygen labels it: ED25519, ECDSA, RSA, DSA, ED25519-SK, ECDSA-SK, with
     *     {@code -CERT} appended for certificates
     */
    public static String typeLabel(SshPublicKey key) {
        String base = switch (key.keyType()) {
            case ED25519 -> "ED25519";
            case ECDSA_NISTP256, ECDSA_NISTP384, ECDSA_NISTP521 -> "ECDSA";
            case RSA -> "RSA";
            case DSA -> "DSA";
            case SK_ED25519 -> "ED25519-SK";
            case SK_ECDSA_NISTP256 -> "ECDSA-SK";
        };
        return key instanceof OpenSshCertificate ? base + "-CERT" : base;
    }

    private static byte[] plainBlob(SshPublicKey key) {
        return plain(key).blob();
    }

    private static SshPublicKey plain(SshPublicKey key) {
        return key instanceof OpenSshCertificate certificate ? certificate.certifiedKey() : key;
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JDK", e);
        }
    }
}
