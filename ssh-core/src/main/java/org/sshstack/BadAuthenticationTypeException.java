package org.sshstack;

import java.util.List;

/**
 * The server does not allow the authentication method that was tried for this user (paramiko's
 * {@code BadAuthenticationType}); {@link #allowedTypes()} names the methods it would accept (RFC 4252 §5.1
 * "authentications that can continue").
 */
public class BadAuthenticationTypeException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    /** The allowed methods; an immutable list (serialization is never used by sshstack). */
    private final transient List<String> allowedTypes;

    /**
     * @param method the method that was tried
     * @param allowedTypes the methods the server lists as able to continue
     */
    public BadAuthenticationTypeException(String method, List<String> allowedTypes) {
        super("the server does not allow \"" + method + "\" authentication; allowed: " + allowedTypes);
        this.allowedTypes = List.copyOf(allowedTypes);
    }

    /** @return the methods the server would accept next, in its order */
    public List<String> allowedTypes() {
        return allowedTypes;
    }
}
