package org.sshstack.sftp;

import java.util.Arrays;

/** An opaque SFTP file or directory handle of at most 256 bytes (filexfer-02 §6.3); compared by content. */
public final class SftpHandle {

    /** The longest handle filexfer-02 §6.3 allows. */
    public static final int MAX_LENGTH = 256;

    private final byte[] value;

    /**
     * @param value the handle bytes (copied)
     * @throws IllegalArgumentException if longer than {@link #MAX_LENGTH}
     */
    public SftpHandle(byte[] value) {
        if (value.length > MAX_LENGTH) {
            throw new IllegalArgumentException("SFTP handle longer than " + MAX_LENGTH + " bytes");
        }
        this.value = value.clone();
    }

    /** @return a copy of the handle bytes */
    public byte[] bytes() {
        return value.clone();
    }

    /** @return the handle length in bytes */
    public int length() {
        return value.length;
    }

    byte[] raw() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SftpHandle h && Arrays.equals(value, h.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "SftpHandle[" + value.length + " bytes]";
    }
}
