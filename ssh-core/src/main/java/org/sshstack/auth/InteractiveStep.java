package org.sshstack.auth;

import java.util.Objects;

/**
 * What a {@link ServerAuthHandler} answers in keyboard-interactive: ask another round, or decide.
 *
 * @param status the decision when {@code query} is null
 * @param query the next round of prompts, or null
 */
public record InteractiveStep(AuthStatus status, InteractiveQuery query) {

    /** @param query the prompts to send @return a step that asks them */
    public static InteractiveStep ask(InteractiveQuery query) {
        return new InteractiveStep(AuthStatus.FAILED, Objects.requireNonNull(query, "query"));
    }

    /** @param status the decision @return a step that ends the exchange */
    public static InteractiveStep done(AuthStatus status) {
        return new InteractiveStep(Objects.requireNonNull(status, "status"), null);
    }
}
