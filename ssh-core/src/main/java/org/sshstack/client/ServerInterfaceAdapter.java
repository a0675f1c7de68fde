package org.sshstack.client;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.sshstack.auth.AuthStatus;
import org.sshstack.auth.InteractiveStep;
import org.sshstack.auth.ServerAuthHandler;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.connection.ConnectionHandler;
import org.sshstack.connection.OpenDecision;
import org.sshstack.connection.OpenFailureReason;
import org.sshstack.connection.SessionRequest;
import org.sshstack.io.BlockingDriver;
import org.sshstack.io.ChannelIo;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.session.SessionEngine;

/**
 * Bridges a {@link ServerInterface} onto the engine's SPIs: {@link ServerAuthHandler} for authentication and
 * {@link ConnectionHandler} for channels and global requests. Accepted channels become {@link Channel}s queued for
 * {@link Transport#accept}; registered subsystems are started on their own thread. Called under the engine lock.
 */
final class ServerInterfaceAdapter implements ServerAuthHandler, ConnectionHandler {

    private final ServerInterface server;
    private final Transport transport;
    private final TransportServerState state;
    private final Map<ConnectionChannel, Channel> channels = new IdentityHashMap<>();

    ServerInterfaceAdapter(ServerInterface server, Transport transport, TransportServerState state) {
        this.server = server;
        this.transport = transport;
        this.state = state;
    }

    /** Forgets a closed channel. */
    void forget(ConnectionChannel channel) {
        channels.remove(channel);
    }

    @Override
    public List<String> allowedAuths(String username) {
        return server.getAllowedAuths(username);
    }

    @Override
    public AuthStatus checkAuthNone(String username) {
        return server.checkAuthNone(username);
    }

    @Override
    public AuthStatus checkAuthPassword(String username, String password) {
        return server.checkAuthPassword(username, password);
    }

    @Override
    public boolean isPublicKeyAcceptable(String username, SshPublicKey key) {
        AuthStatus status = server.checkAuthPublicKey(username, key);
        return status != null && status != AuthStatus.FAILED;
    }

    @Override
    public AuthStatus checkAuthPublicKey(String username, SshPublicKey key) {
        return server.checkAuthPublicKey(username, key);
    }

    @Override
    public InteractiveStep checkAuthInteractive(String username, String submethods) {
        return server.checkAuthInteractive(username, submethods);
    }

    @Override
    public InteractiveStep checkAuthInteractiveResponse(String username, List<String> responses) {
        return server.checkAuthInteractiveResponse(username, responses);
    }

    @Override
    public OpenDecision onChannelOpen(ConnectionChannel channel, byte[] typeData) {
        OpenDecision decision;
        try {
            decision = server.checkChannelRequest(channel.type(), channel.localId());
        } catch (RuntimeException e) {
            decision = null; // fail closed
        }
        if (decision == null || !decision.accepted()) {
            return decision != null ? decision
                    : OpenDecision.refuse(OpenFailureReason.ADMINISTRATIVELY_PROHIBITED, "channel refused");
        }
        BlockingDriver<? extends SessionEngine> driver = transport.driverOrNull();
        if (driver == null) {
            return OpenDecision.refuse(OpenFailureReason.RESOURCE_SHORTAGE, "transport not ready");
        }
        ChannelIo io = new ChannelIo(driver, channel);
        Channel wrapped = new Channel(io);
        if (!state.offer(wrapped)) {
            return OpenDecision.refuse(OpenFailureReason.RESOURCE_SHORTAGE, "too many channels not accepted yet");
        }
        transport.events().channels().register(io);
        channels.put(channel, wrapped);
        return decision;
    }

    @Override
    public boolean onChannelRequest(ConnectionChannel raw, SessionRequest request) {
        try {
            return decide(raw, request);
        } catch (RuntimeException e) {
            return false; // fail closed
        }
    }

    private boolean decide(ConnectionChannel raw, SessionRequest request) {
        Channel channel = channels.get(raw);
        if (channel == null) {
            return false;
        }
        if (request instanceof SessionRequest.Exec exec) {
            return server.checkChannelExecRequest(channel, exec.command());
        } else if (request instanceof SessionRequest.Shell) {
            return server.checkChannelShellRequest(channel);
        } else if (request instanceof SessionRequest.PtyRequest pty) {
            return server.checkChannelPtyRequest(channel, pty);
        } else if (request instanceof SessionRequest.Env env) {
            return server.checkChannelEnvRequest(channel, env.name(), env.value());
        } else if (request instanceof SessionRequest.WindowChange change) {
            return server.checkChannelWindowChangeRequest(channel, change);
        } else if (request instanceof SessionRequest.Subsystem sub) {
            Supplier<? extends SubsystemHandler> factory = state.subsystem(sub.name());
            return factory != null ? startSubsystem(sub.name(), factory, channel)
                    : server.checkChannelSubsystemRequest(channel, sub.name());
        }
        return false;
    }

    @Override
    public boolean onGlobalRequest(String requestName, byte[] data) {
        try {
            return server.checkGlobalRequest(requestName, data);
        } catch (RuntimeException e) {
            return false; // fail closed
        }
    }

    /** Starts a subsystem handler on its own thread; false when no thread could be made. */
    private boolean startSubsystem(String name, Supplier<? extends SubsystemHandler> factory, Channel channel) {
        Thread thread = transport.threads.newThread(() -> {
            try {
                factory.get().startSubsystem(name, transport, channel);
            } catch (Exception e) {
                transport.log().debug("subsystem {} failed", name, e);
            } finally {
                channel.close();
            }
        });
        if (thread == null) {
            return false;
        }
        thread.start();
        return true;
    }
}
