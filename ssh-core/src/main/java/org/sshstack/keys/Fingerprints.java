package org.sshstack.keys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Key fingerprints as {@code ssh-keygen -l} prints them: {@code SHA256:<base64, unpadded>} and {@code MD5:<hex:pairs>}. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /**
     * @param key any public key
     * @return {@code SHA256:} followed by the unpadded base64 of the SHA-256 of its blob
     */
    public static String sha256(SshPublicKey key) {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256", key.blob()));
    }

    /**
     * @param key any public key
     * @return {@code MD5:} followed by colon-separated lower-case hex pairs of the MD5 of its blob
     */
    public static String md5(SshPublicKey key) {
        byte[] hash = digest("MD5", key.blob());
        StringBuilder out = new StringBuilder("MD5:");
        for (int i = 0; i < hash.length; i++) {
            if (i > 0) {
                out.append(':');
            }
            out.append(String.format("%02x", hash[i] & 0xff));
        }
        return out.toString();
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JDK", e);
        }
    }
}
