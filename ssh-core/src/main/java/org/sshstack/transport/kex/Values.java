package org.sshstack.transport.kex;

import java.util.Objects;

/** Argument checks shared by the message records for locally built messages. */
final class Values {

    private Values() {
    }

    /**
     * @param value a string value built by local code
     * @param what its name for the error message
     * @return a copy
     * @throws IllegalArgumentException if it is empty or longer than {@link KexPayloads#MAX_VALUE}
     */
    static byte[] check(byte[] value, String what) {
        Objects.requireNonNull(value, what);
        if (value.length == 0 || value.length > KexPayloads.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be 1.." + KexPayloads.MAX_VALUE + " bytes");
        }
        return value.clone();
    }

    /**
     * @param value a blob built by local code (K_S or a signature)
     * @param max the largest length
     * @param what its name for the error message
     * @return a copy
     */
    static byte[] checkBlob(byte[] value, int max, String what) {
        Objects.requireNonNull(value, what);
        if (value.length == 0 || value.length > max) {
            throw new IllegalArgumentException(what + " must be 1.." + max + " bytes");
        }
        return value.clone();
    }
}
