package org.sshstack.keys.openssh;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The token-side data an OpenSSH file keeps for a FIDO security key (PROTOCOL.u2f, "private key"): the
 * application, the flags byte, the key handle the token needs to sign, and the reserved string. None of it is
 * the secret key, which never leaves the token; {@link #toString()} still shows only sizes and flags.
 *
 * @param application the FIDO application, usually {@code ssh:}
 * @param flags the flags byte (0x01 user presence required, 0x04 user verification required, 0x20 resident)
 * @param keyHandle the token's key handle
 * @param reserved the reserved string (empty in files OpenSSH writes)
 */
public record SecurityKeyHandle(String application, int flags, byte[] keyHandle, byte[] reserved) {

    /** Copies the arrays; requires flags to fit one byte. */
    public SecurityKeyHandle {
        if (flags < 0 || flags > 0xff) {
            throw new IllegalArgumentException("flags must fit one byte");
        }
        keyHandle = keyHandle.clone();
        reserved = reserved.clone();
    }

    /** @return a copy of the key handle */
    @Override
    public byte[] keyHandle() {
        return keyHandle.clone();
    }

    /** @return a copy of the reserved string */
    @Override
    public byte[] reserved() {
        return reserved.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecurityKeyHandle that && application.equals(that.application)
                && flags == that.flags && Arrays.equals(keyHandle, that.keyHandle)
                && Arrays.equals(reserved, that.reserved);
    }

    @Override
    public int hashCode() {
        return application.hashCode() * 31 + Arrays.hashCode(keyHandle);
    }

    @Override
    public String toString() {
        return "SecurityKeyHandle[" + application + ", flags=0x" + HexFormat.of().toHexDigits((byte) flags)
                + ", keyHandle=" + keyHandle.length + " bytes]";
    }
}
