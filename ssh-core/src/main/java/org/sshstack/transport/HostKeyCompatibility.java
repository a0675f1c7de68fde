package org.sshstack.transport;

/**
 * Whether a key exchange method can run with a host key algorithm (RFC 4253 §7.1: a method may need a
 * signature-capable or an encryption-capable host key, "determined from the public key algorithm name").
 */
@FunctionalInterface
public interface HostKeyCompatibility {

    /**
     * The rule for the names SSH uses today: every public key algorithm signs, except the "null" host key of
     * RFC 4462 §5, which only the GSS-API key exchange methods ("gss-...") accept. No deployed method needs an
     * encryption-capable host key.
     */
    HostKeyCompatibility STANDARD = (kex, hostKey) -> kex.startsWith("gss-") || !hostKey.equals("null");

    /**
     * @param kex a key exchange method name
     * @param hostKey a host key algorithm name
     * @return true when the method can authenticate the server with that host key algorithm
     */
    boolean compatible(String kex, String hostKey);
}
