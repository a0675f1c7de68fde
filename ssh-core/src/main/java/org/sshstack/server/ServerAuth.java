package org.sshstack.server;

import java.util.ArrayList;
import java.util.List;
import org.sshstack.auth.AuthStatus;
import org.sshstack.auth.InteractiveStep;
import org.sshstack.auth.ServerAuthHandler;
import org.sshstack.keys.SshPublicKey;

/** Adapts the server's small authenticator SPIs to the engine's {@link ServerAuthHandler}. */
final class ServerAuth implements ServerAuthHandler {

    private final PasswordAuthenticator passwords;
    private final PublicKeyAuthenticator keys;
    private final InteractiveAuthenticator interactive;

    ServerAuth(PasswordAuthenticator passwords, PublicKeyAuthenticator keys, InteractiveAuthenticator interactive) {
        this.passwords = passwords;
        this.keys = keys;
        this.interactive = interactive;
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
        if (interactive != null) {
            methods.add("keyboard-interactive");
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

    @Override
    public InteractiveStep checkAuthInteractive(String username, String submethods) {
        return interactive == null ? InteractiveStep.done(AuthStatus.FAILED)
                : InteractiveStep.ask(interactive.challenge(username));
    }

    @Override
    public InteractiveStep checkAuthInteractiveResponse(String username, List<String> responses) {
        return InteractiveStep.done(interactive != null && interactive.verify(username, responses)
                ? AuthStatus.SUCCESSFUL : AuthStatus.FAILED);
    }
}
