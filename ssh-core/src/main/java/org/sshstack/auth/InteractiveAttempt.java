package org.sshstack.auth;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.sshstack.AuthenticationException;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.UserauthInfoRequest;
import org.sshstack.wire.UserauthInfoResponse;
import org.sshstack.wire.UserauthMethod;

/** The "keyboard-interactive" method (RFC 4256 §3): rounds of INFO_REQUEST answered by the handler, bounded. */
final class InteractiveAttempt extends ClientAttempt {

    private final InteractiveHandler handler;
    private final String submethods;
    private final SshException overridingError;
    private int rounds;
    private boolean answeredPrompt;

    InteractiveAttempt(ClientContext context, String user, InteractiveHandler handler, String submethods,
            CompletableFuture<List<String>> result, SshException overridingError) {
        super(context, user, result);
        this.handler = handler;
        this.submethods = submethods;
        this.overridingError = overridingError;
    }

    @Override
    String method() {
        return "keyboard-interactive";
    }

    @Override
    void start() {
        sendRequest(new UserauthMethod.KeyboardInteractive("", submethods));
    }

    @Override
    void onMethodMessage(byte[] payload) throws SshException {
        if ((payload[0] & 0xff) != MessageNumbers.USERAUTH_INFO_REQUEST) {
            throw new SshProtocolException("unexpected " + MessageNumbers.name(payload[0] & 0xff)
                    + " during keyboard-interactive authentication");
        }
        UserauthInfoRequest request = UserauthInfoRequest.decode(payload); // bounded prompts (SECURITY.md B8)
        if (++rounds > context.config().maxInteractiveRounds()) {
            throw new AuthenticationException("the server sent more than " + context.config().maxInteractiveRounds()
                    + " keyboard-interactive rounds");
        }
        List<String> answers = handler.respond(request.name(), request.instruction(), request.prompts());
        if (answers == null || answers.size() != request.prompts().size()) {
            throw new AuthenticationException("the keyboard-interactive handler gave "
                    + (answers == null ? "no" : answers.size()) + " answers to " + request.prompts().size()
                    + " prompts");
        }
        answeredPrompt |= !answers.isEmpty();
        context.sink().send(new UserauthInfoResponse(answers).encode()); // RFC 4256 §3.4
    }

    @Override
    boolean provedCredential() {
        return answeredPrompt;
    }

    @Override
    SshException overridingError() {
        return overridingError;
    }
}
