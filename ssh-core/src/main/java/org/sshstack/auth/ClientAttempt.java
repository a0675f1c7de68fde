package org.sshstack.auth;

import java.util.concurrent.CompletableFuture;
import java.util.List;
import org.sshstack.BadAuthenticationTypeException;
import org.sshstack.SshException;
import org.sshstack.wire.UserauthFailure;
import org.sshstack.wire.UserauthMethod;
import org.sshstack.wire.UserauthRequest;

/** One client authentication attempt in progress: sends its requests and handles its method-specific replies. */
abstract class ClientAttempt {

    final ClientContext context;
    final String user;
    final CompletableFuture<List<String>> result;

    ClientAttempt(ClientContext context, String user, CompletableFuture<List<String>> result) {
        this.context = context;
        this.user = user;
        this.result = result;
    }

    /** @return the method name this attempt uses */
    abstract String method();

    /** Sends the first request. */
    abstract void start() throws SshException;

    /**
     * Handles a method-specific message (60-79, RFC 4252 §6).
     *
     * @throws org.sshstack.AuthenticationException to end this attempt only (the connection stays up)
     * @throws SshException for a protocol violation (the connection ends)
     */
    abstract void onMethodMessage(byte[] payload) throws SshException;

    /** @return true when this attempt proved a credential (false: "none", or no prompt answered; SECURITY.md A7) */
    boolean provedCredential() {
        return true;
    }

    /**
     * @param failure the server's FAILURE that does not list this method
     * @param error the error this attempt would end with
     * @return an attempt to run instead (paramiko's password-to-keyboard-interactive fallback), or null
     */
    ClientAttempt fallback(UserauthFailure failure, BadAuthenticationTypeException error) {
        return null;
    }

    /** @return the error to report if this attempt fails, overriding the natural one (fallbacks), or null */
    SshException overridingError() {
        return null;
    }

    /** Sends a USERAUTH_REQUEST for this attempt's user. */
    void sendRequest(UserauthMethod method) {
        context.sink().send(new UserauthRequest(user, context.config().service(), method).encode());
    }
}
