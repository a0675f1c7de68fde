package org.sshstack.transport.kex;

import org.sshstack.crypto.kex.DhGroup;

/**
 * The modulus sizes a client asks for in SSH_MSG_KEX_DH_GEX_REQUEST (RFC 4419 §3, RFC 8270 §4).
 *
 * <p>The default preferred size is 3072 bits, the 128-bit security level of NIST SP 800-57 and what OpenSSH
 * asks for with AES-128 keys. OpenSSH sizes n from the cipher (up to 8192 bits for 256-bit keys); a fixed 3072
 * keeps the server's and our own modular exponentiations cheap, and the hybrid and elliptic methods come first in
 * the default list anyway. A caller who wants more sets {@link #preferred()} higher.
 *
 * @param min the smallest acceptable modulus, at least 2048
 * @param preferred n, the preferred modulus size
 * @param max the largest acceptable modulus, at most 8192
 */
public record GexPreferences(int min, int preferred, int max) {

    /** min 2048, n 3072, max 8192. */
    public static final GexPreferences DEFAULT = new GexPreferences(DhGroup.MIN_BITS, 3072, DhGroup.MAX_BITS);

    /** Requires 2048 &lt;= min &lt;= preferred &lt;= max &lt;= 8192. */
    public GexPreferences {
        if (min < DhGroup.MIN_BITS || min > preferred || preferred > max || max > DhGroup.MAX_BITS) {
            throw new IllegalArgumentException("GEX sizes must satisfy 2048 <= min <= preferred <= max <= 8192");
        }
    }

    /** @return the request these preferences make */
    public GexRequest request() {
        return new GexRequest(min, preferred, max);
    }
}
