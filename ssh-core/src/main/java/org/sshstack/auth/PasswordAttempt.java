package org.sshstack.auth;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.sshstack.AuthenticationException;
import org.sshstack.BadAuthenticationTypeException;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.UserauthFailure;
import org.sshstack.wire.UserauthInfoRequest.Prompt;
import org.sshstack.wire.UserauthMethod;
import org.sshstack.wire.UserauthPasswdChangereq;

/**
 * The "password" method (RFC 4252 §8) with the password-change exchange, and paramiko's fallback to
 * keyboard-interactive when the server does not allow "password" but does allow "keyboard-interactive".
 */
final class PasswordAttempt extends ClientAttempt {

    private final String password;
    private final boolean fallback;
    /** Most PASSWD_CHANGEREQ rounds answered: a repeated request means the new password was refused. */
    static final int MAX_CHANGE_ROUNDS = 3;

    private int changeRounds;

    PasswordAttempt(ClientContext context, String user, String password, boolean fallback,
            CompletableFuture<List<String>> result) {
        super(context, user, result);
        this.password = password;
        this.fallback = fallback;
    }

    @Override
    String method() {
        return "password";
    }

    @Override
    void start() {
        sendRequest(new UserauthMethod.Password(password, Optional.empty()));
    }

    @Override
    void onMethodMessage(byte[] payload) throws SshException {
        if ((payload[0] & 0xff) != MessageNumbers.USERAUTH_PASSWD_CHANGEREQ) {
            throw new SshProtocolException("unexpected " + MessageNumbers.name(payload[0] & 0xff)
                    + " during password authentication");
        }
        UserauthPasswdChangereq request = UserauthPasswdChangereq.decode(payload);
        if (++changeRounds > MAX_CHANGE_ROUNDS) {
            throw new AuthenticationException("the server refused " + MAX_CHANGE_ROUNDS + " new passwords");
        }
        Optional<String> newPassword = context.config().passwordChange().newPassword(request.prompt());
        if (newPassword.isEmpty()) {
            throw new AuthenticationException("the server requires a password change and none was supplied");
        }
        // RFC 4252 §8: another CHANGEREQ in reply means the new password was not accepted
        sendRequest(new UserauthMethod.Password(password, newPassword));
    }

    @Override
    ClientAttempt fallback(UserauthFailure failure, BadAuthenticationTypeException error) {
        if (!fallback || !failure.methods().contains("keyboard-interactive")) {
            return null;
        }
        return new InteractiveAttempt(context, user, this::answerWithPassword, "", result, error);
    }

    /** paramiko's fallback handler: no prompt, no answer; one prompt, the password; more, give up. */
    private List<String> answerWithPassword(String name, String instruction, List<Prompt> prompts)
            throws AuthenticationException {
        if (prompts.size() > 1) {
            throw new AuthenticationException("keyboard-interactive fallback got " + prompts.size()
                    + " prompts; only a single password prompt can be answered");
        }
        return prompts.isEmpty() ? List.of() : List.of(password);
    }
}
