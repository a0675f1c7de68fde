package org.sshstack.keys;

import java.util.Arrays;

/** Equality, hash and text of a public key by its encoded blob, as {@link SshPublicKey} defines them. */
final class KeyBlobs {

    private KeyBlobs() {
    }

    /** @return true when {@code other} is a key of the same class with the same blob */
    static boolean equal(SshPublicKey key, Object other) {
        return other != null && other.getClass() == key.getClass()
                && Arrays.equals(key.blob(), ((SshPublicKey) other).blob());
    }

    /** @return a hash of the blob */
    static int hash(SshPublicKey key) {
        return Arrays.hashCode(key.blob());
    }

    /** @return the type name and SHA256 fingerprint, never more */
    static String describe(SshPublicKey key) {
        return key.typeName() + " " + Fingerprints.sha256(key);
    }
}
