package org.sshstack.transport.kex;

import java.security.SecureRandom;
import org.sshstack.crypto.kex.DhGroup;
import org.sshstack.crypto.kex.KeyExchangeException;

/** Where a group-exchange server takes its groups from (RFC 4419 §3): a moduli file or the built-in set. */
@FunctionalInterface
public interface DhGroupSource {

    /**
     * Picks a group of a size within [min, max], as close to n as possible.
     *
     * @param min the smallest acceptable size in bits (already clamped to at least 2048)
     * @param n the preferred size in bits, min &lt;= n &lt;= max
     * @param max the largest acceptable size in bits (already clamped to at most 8192)
     * @param random chooses among equally good groups
     * @return the group
     * @throws KeyExchangeException if no group fits
     */
    DhGroup select(int min, int n, int max, SecureRandom random) throws KeyExchangeException;
}
