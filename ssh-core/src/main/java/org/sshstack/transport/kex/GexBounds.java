package org.sshstack.transport.kex;

import org.sshstack.crypto.kex.DhGroup;
import org.sshstack.crypto.kex.KeyExchangeException;

/**
 * The server's check of a client's SSH_MSG_KEX_DH_GEX_REQUEST (RFC 4419 §3, RFC 8270 §4, SECURITY.md B8).
 *
 * <p>Refused: min &gt; n, n &gt; max (the request is inconsistent), and requests whose range lies wholly outside
 * 2048..8192 bits (max &lt; 2048 or min &gt; 8192). A request that overlaps the range is clamped into it, as OpenSSH
 * does: the group sent is never smaller than 2048 nor larger than 8192 bits, and never outside the client's own
 * [min, max].
 *
 * @param min the effective smallest size
 * @param n the effective preferred size
 * @param max the effective largest size
 */
public record GexBounds(int min, int n, int max) {

    /**
     * @param request the client's request
     * @return the bounds the server will pick a group within
     * @throws KeyExchangeException if the request is refused
     */
    public static GexBounds of(GexRequest request) throws KeyExchangeException {
        long min = request.min();
        long n = request.n();
        long max = request.max();
        if (min > n || n > max) {
            throw new KeyExchangeException("GEX request is inconsistent: min " + min + ", n " + n + ", max " + max
                    + " (RFC 4419 §3 needs min <= n <= max)");
        }
        if (max < DhGroup.MIN_BITS || min > DhGroup.MAX_BITS) {
            throw new KeyExchangeException("GEX request for " + min + ".." + max + " bits is outside the "
                    + DhGroup.MIN_BITS + ".." + DhGroup.MAX_BITS + " bits this server offers");
        }
        int effectiveMin = (int) Math.max(min, DhGroup.MIN_BITS);
        int effectiveMax = (int) Math.min(max, DhGroup.MAX_BITS);
        int effectiveN = (int) Math.max(effectiveMin, Math.min(n, effectiveMax));
        return new GexBounds(effectiveMin, effectiveN, effectiveMax);
    }
}
