package org.sshstack.transport.kex;

import java.util.Objects;
import java.util.function.Supplier;
import org.sshstack.crypto.kex.KexPrimitive;

/**
 * One key exchange method by wire name: its hash, its wire family and the primitive that makes K. Immutable.
 * Group exchange has no fixed primitive: the group arrives in SSH_MSG_KEX_DH_GEX_GROUP (RFC 4419 §3).
 */
public final class KexMethod {

    private final String name;
    private final KexHash hash;
    private final KexFamily family;
    private final boolean legacy;
    private final Supplier<KexPrimitive> primitive;

    KexMethod(String name, KexHash hash, KexFamily family, boolean legacy, Supplier<KexPrimitive> primitive) {
        this.name = Objects.requireNonNull(name, "name");
        this.hash = Objects.requireNonNull(hash, "hash");
        this.family = Objects.requireNonNull(family, "family");
        this.legacy = legacy;
        this.primitive = primitive;
        if ((family == KexFamily.GEX) != (primitive == null)) {
            throw new IllegalArgumentException("only group exchange has no fixed primitive");
        }
    }

    /** @return the wire name, e.g. {@code curve25519-sha256} */
    public String name() {
        return name;
    }

    /** @return HASH, used for H and the key derivation */
    public KexHash hash() {
        return hash;
    }

    /** @return the wire family */
    public KexFamily family() {
        return family;
    }

    /** @return true for SHA-1 methods that are only used when named explicitly (RFC 9142 §4) */
    public boolean legacy() {
        return legacy;
    }

    /** @return the fixed primitive; never called for {@link KexFamily#GEX} */
    KexPrimitive primitive() {
        if (primitive == null) {
            throw new IllegalStateException(name + " has no fixed group");
        }
        return primitive.get();
    }

    /** @return the wire name */
    @Override
    public String toString() {
        return name;
    }
}
