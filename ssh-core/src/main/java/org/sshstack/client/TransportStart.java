package org.sshstack.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.auth.ClientAuthConfig;
import org.sshstack.auth.ServerAuthConfig;
import org.sshstack.io.BlockingDriver;
import org.sshstack.session.ClientEngine;
import org.sshstack.session.ClientSessionConfig;
import org.sshstack.session.ServerEngine;
import org.sshstack.session.ServerSessionConfig;
import org.sshstack.session.SessionEngine;
import org.sshstack.transport.AlgorithmPreferences;
import org.sshstack.transport.HostKeyVerifier;
import org.sshstack.transport.Role;
import org.sshstack.transport.TransportConfig;
import org.sshstack.transport.kex.Moduli;

/** Builds the engine of a starting {@link Transport} from its settings, and waits for the first key exchange. */
final class TransportStart {

    private static final String GEX = "diffie-hellman-group-exchange-sha256";

    /** A blocking step run asynchronously. */
    interface Step {
        void run() throws IOException;
    }

    private TransportStart() {
    }

    static ClientEngine client(TransportLink link, SecurityOptions options, HostKeyVerifier verifier,
            SecureRandom random, TransportEvents events, Consumer<String> banners) {
        TransportConfig config = TransportConfig.client(link.host(), link.port())
                .algorithms(preferences(Role.CLIENT, options, null)).hostKeyVerifier(verifier)
                .random(random).build();
        ClientSessionConfig session = ClientSessionConfig.defaults().withListener(events)
                .withAuth(ClientAuthConfig.defaults().withBannerListener(banners));
        return new ClientEngine(config, session);
    }

    static ServerEngine server(TransportLink link, SecurityOptions options, TransportServerState state,
            ServerInterfaceAdapter adapter, String banner, TransportEvents events, SecureRandom random)
            throws SshException {
        Moduli groups = state.moduli();
        TransportConfig.Builder config = TransportConfig.server(state.hostKeys(random))
                .algorithms(preferences(Role.SERVER, options, state))
                .random(random);
        if (groups != null) {
            config.dhGroups(groups);
        }
        ServerAuthConfig auth = ServerAuthConfig.defaults(random);
        ServerSessionConfig session = ServerSessionConfig.of(adapter, banner == null ? auth : auth.withBanner(banner),
                result -> adapter).withListener(events);
        return new ServerEngine(config.build(), session, link.ipAddress());
    }

    /**
     * The lists a role offers: the options, with group exchange added to a server's default kex list when it has
     * moduli.
     *
     * @param role the side
     * @param options the lists set
     * @param state a server's state (moduli), or null for a client
     * @return the preferences
     */
    static AlgorithmPreferences preferences(Role role, SecurityOptions options, TransportServerState state) {
        boolean gex = role == Role.SERVER && state != null && state.moduli() != null;
        return options.toPreferences(role, gex ? List.of(GEX) : List.of());
    }

    /**
     * Waits for the first key exchange.
     *
     * @throws SshException the engine's own failure when it closed (more telling than the driver's), or the timeout
     */
    static void awaitKex(BlockingDriver<? extends SessionEngine> d, Duration bound) throws SshException,
            InterruptedIOException {
        try {
            d.await(e -> e.transport().keyExchangeCount() >= 1, bound, "the key exchange");
        } catch (SshException e) {
            SshException cause = d.withEngine(x -> x.closeException().orElse(null));
            throw cause != null && cause.reason() != DisconnectReason.BY_APPLICATION ? cause : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during the key exchange");
        }
    }

    static CompletableFuture<Void> async(ThreadFactory threads, Step step) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = threads.newThread(() -> {
            try {
                step.run();
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        thread.start();
        return done;
    }
}
