package org.sshstack.crypto.kex;

import java.util.Arrays;

/**
 * The destroyed state of a holder of secret byte arrays ({@link SharedSecret}, the transport's direction keys):
 * {@link #destroy()} zero-fills the holder's own arrays once, and {@link #check()} refuses reads afterwards.
 * Not thread-safe, like its holders.
 */
public final class SecretWiper {

    private final String what;
    private final byte[][] arrays;
    private boolean destroyed;

    /**
     * @param what names the holder in the "already destroyed" message
     * @param arrays the holder's own arrays (not copies), wiped by {@link #destroy()}
     */
    public SecretWiper(String what, byte[]... arrays) {
        this.what = what;
        this.arrays = arrays.clone();
    }

    /** Overwrites the arrays with zeros; later {@link #check()}s fail. */
    public void destroy() {
        for (byte[] array : arrays) {
            Arrays.fill(array, (byte) 0);
        }
        destroyed = true;
    }

    /** @return whether {@link #destroy()} has run */
    public boolean isDestroyed() {
        return destroyed;
    }

    /** @throws IllegalStateException once {@link #destroy()} has run */
    public void check() {
        if (destroyed) {
            throw new IllegalStateException(what + " already destroyed");
        }
    }
}
