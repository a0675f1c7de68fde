package org.sshstack.server;

import java.util.ArrayList;
import java.util.List;
import org.sshstack.auth.AuthStatus;
import org.sshstack.auth.ServerAuthHandler;
import org.sshstack.keys.SshPublicKey;

/** Adapts the server's small authenticator SPIs to the engine's {@link ServerAuthHandler}. */
final class ServerAuth implements ServerAuthHandler {

    private final PasswordAuthenticator passwords;
    private final PublicKeyAuthenticator keys;

    ServerAuth(PasswordAuthenticator passwords, PublicKeyAuthenticator keys) {
        this.passwords = passwords;
        this.keys = keys;
    }

    @Override
    public List<String> allowedAuths(String username) {
        List<String> methods = new ArrayList<>();
        if (keys != null) {
            methods.add("publickey");
        }
        if (passwords != null) {
            methods.add("password");
        }
        return methods;
    }

    @Override
    public AuthStatus checkAuthPassword(String username, String password) {
        return passwords != null && passwords.authenticate(username, password) ? AuthStatus.SUCCESSFUL
                : AuthStatus.FAILED;
    }

    @Override
    public boolean isPublicKeyAcceptable(String username, SshPublicKey key) {
        return keys != null && keys.authorize(username, key);
    }

    @Override
    public AuthStatus checkAuthPublicKey(String username, SshPublicKey key) {
        return isPublicKeyAcceptable(username, key) ? AuthStatus.SUCCESSFUL : AuthStatus.FAILED;
    }
}
