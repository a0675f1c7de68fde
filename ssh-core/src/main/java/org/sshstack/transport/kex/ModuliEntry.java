package org.sshstack.transport.kex;

import java.util.Objects;
import org.sshstack.crypto.kex.DhGroup;

/**
 * One usable line of an OpenSSH moduli file: a safe prime that passed Miller-Rabin, as a checked group.
 *
 * @param bits the modulus length in bits (the file's size field plus one)
 * @param group the group (p, g), already checked by {@link DhGroup#of}
 */
public record ModuliEntry(int bits, DhGroup group) {

    /** Requires the group and a matching size. */
    public ModuliEntry {
        Objects.requireNonNull(group, "group");
        if (bits != group.bits()) {
            throw new IllegalArgumentException("size does not match the modulus");
        }
    }
}
