package org.sshstack.client;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.sshstack.AuthenticationException;
import org.sshstack.SshException;
import org.sshstack.auth.InteractiveHandler;
import org.sshstack.auth.PublicKeyIdentity;
import org.sshstack.io.BlockingDriver;
import org.sshstack.session.ClientEngine;

/**
 * Runs the client's authentication attempts in order (public keys, the password, keyboard-interactive) over a driver, within one
 * overall deadline (RFC 4252). Stops at full success; partial success goes on with the next method.
 */
final class ClientLogin {

    private final BlockingDriver<ClientEngine> driver;
    private final String user;
    private final long end;
    private final Duration timeout;

    ClientLogin(BlockingDriver<ClientEngine> driver, String user, Duration timeout) {
        this.driver = driver;
        this.user = user;
        this.timeout = timeout;
        this.end = System.nanoTime() + timeout.toNanos();
    }

    /** Tries each identity, the password, then keyboard-interactive (those configured); throws when none fully succeeded. */
    void run(List<PublicKeyIdentity> identities, char[] password, InteractiveHandler interactive)
            throws SshException, InterruptedIOException {
        for (PublicKeyIdentity identity : identities) {
            if (attempt(e -> e.authPublicKey(user, identity))) {
                return;
            }
        }
        if (password != null && attempt(e -> e.authPassword(user, new String(password)))) {
            return;
        }
        if (interactive != null && attempt(e -> e.authInteractive(user, interactive))) {
            return;
        }
        throw new AuthenticationException("authentication failed for " + user);
    }

    /** @return true on full success; false when refused or only partially successful */
    private boolean attempt(Function<ClientEngine, CompletableFuture<List<String>>> start) throws SshException,
            InterruptedIOException {
        CompletableFuture<List<String>> result = driver.withEngine(start);
        try {
            driver.await(e -> result.isDone(), Duration.ofNanos(Math.max(1, end - System.nanoTime())),
                    "authentication (" + timeout + ")");
            return result.get().isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during authentication");
        } catch (ExecutionException e) {
            if (driver.withEngine(ClientEngine::isClosed)) {
                throw e.getCause() instanceof SshException s ? s
                        : new AuthenticationException("authentication failed: " + e.getCause());
            }
            return false; // refused; try the next method
        }
    }
}
