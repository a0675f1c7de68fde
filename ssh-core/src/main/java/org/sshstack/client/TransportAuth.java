package org.sshstack.client;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sshstack.AuthenticationException;
import org.sshstack.BadAuthenticationTypeException;
import org.sshstack.SshException;
import org.sshstack.auth.InteractiveHandler;
import org.sshstack.io.BlockingDriver;
import org.sshstack.session.ClientEngine;

/**
 * One blocking authentication attempt of a client {@link Transport} (RFC 4252): starts it on the engine, waits for
 * its outcome within the timeout, and turns a refusal into the engine's exception (with the allowed methods).
 */
final class TransportAuth {

    private static final String INTERACTIVE = "keyboard-interactive";

    private final BlockingDriver<ClientEngine> driver;
    private final Duration timeout;
    private final Consumer<String> onSuccess;

    TransportAuth(BlockingDriver<ClientEngine> driver, Duration timeout, Consumer<String> onSuccess) {
        this.driver = driver;
        this.timeout = timeout;
        this.onSuccess = onSuccess;
    }

    /** Runs one attempt; returns the methods allowed next (empty: authenticated). */
    List<String> run(String user, Function<ClientEngine, CompletableFuture<List<String>>> start)
            throws SshException, InterruptedIOException {
        HostNames.checkUser(user); // SECURITY.md D3: an IllegalArgumentException before anything is sent
        CompletableFuture<List<String>> result = driver.withEngine(start);
        try {
            driver.await(e -> result.isDone(), timeout, "authentication (" + timeout + ")");
            List<String> next = result.get();
            if (next.isEmpty()) {
                onSuccess.accept(user);
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during authentication");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SshException s ? s
                    : new AuthenticationException("authentication failed: " + e.getCause());
        }
    }

    /** Password, with paramiko's keyboard-interactive fallback answering a single prompt with the password. */
    List<String> password(String user, String password) throws SshException, InterruptedIOException {
        try {
            return run(user, e -> e.authPassword(user, password));
        } catch (BadAuthenticationTypeException refused) {
            if (!refused.allowedTypes().contains(INTERACTIVE)) {
                throw refused;
            }
            try {
                return run(user, e -> e.authInteractive(user, answering(password)));
            } catch (AuthenticationException fallbackFailed) {
                throw refused; // as if the fallback had never been tried (paramiko)
            }
        }
    }

    private static InteractiveHandler answering(String password) {
        return (name, instruction, prompts) -> {
            if (prompts.size() > 1) {
                throw new AuthenticationException("password fallback: the server asked more than one question");
            }
            return prompts.isEmpty() ? List.of() : List.of(password);
        };
    }
}
