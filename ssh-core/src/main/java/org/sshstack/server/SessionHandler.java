package org.sshstack.server;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.connection.ConnectionHandler;
import org.sshstack.connection.OpenDecision;
import org.sshstack.connection.OpenFailureReason;
import org.sshstack.connection.SessionRequest;
import org.sshstack.io.BlockingDriver;
import org.sshstack.session.ServerEngine;

/**
 * The connection handler of one authenticated user: accepts session channels (RFC 4254 §6.1), keeps their env and
 * pty requests, and starts exec, shell or subsystem work on the server's executor (never on the reading thread);
 * window-change and signal requests (RFC 4254 §6.7, §6.9) go on to the running command's {@link SessionControl}.
 * Called under the engine lock only.
 */
final class SessionHandler implements ConnectionHandler {

    /** Per-channel request state. */
    private static final class Pending {
        final Map<String, String> env = new HashMap<>();
        SessionRequest.PtyRequest pty;
        SessionRequest.WindowChange resized;
        SessionControl control;
        boolean started;
    }

    private final SshServer server;
    private final String user;
    private final CompletableFuture<BlockingDriver<ServerEngine>> driver;
    private final Map<ConnectionChannel, Pending> channels = new IdentityHashMap<>();

    SessionHandler(SshServer server, String user, CompletableFuture<BlockingDriver<ServerEngine>> driver) {
        this.server = server;
        this.user = user;
        this.driver = driver;
    }

    @Override
    public OpenDecision onChannelOpen(ConnectionChannel channel, byte[] typeData) {
        if (!channel.type().equals("session")) {
            return OpenDecision.refuse(OpenFailureReason.UNKNOWN_CHANNEL_TYPE, "only session channels");
        }
        channels.keySet().removeIf(c -> c.state() == ConnectionChannel.State.CLOSED);
        channels.put(channel, new Pending());
        return OpenDecision.accept();
    }

    @Override
    public boolean onChannelRequest(ConnectionChannel channel, SessionRequest request) {
        Pending pending = channels.get(channel);
        if (pending == null) {
            return false;
        }
        if (request instanceof SessionRequest.Env env) {
            pending.env.put(env.name(), env.value());
            return true;
        }
        if (request instanceof SessionRequest.PtyRequest pty) {
            pending.pty = pty;
            return true;
        }
        if (request instanceof SessionRequest.WindowChange change) {
            if (pending.control != null) {
                pending.control.windowChanged(change);
            } else {
                pending.resized = change; // before the command: only its size counts
            }
            return true;
        }
        if (request instanceof SessionRequest.Signal signal) {
            if (pending.control == null) {
                return false; // nothing runs yet to be signalled
            }
            pending.control.signalled(signal.signalName());
            return true;
        }
        if (request instanceof SessionRequest.Exec exec && server.commands() != null) {
            return start(channel, pending, exec.command(), server.commands());
        }
        if (request instanceof SessionRequest.Shell && server.shells() != null) {
            return start(channel, pending, "", session -> server.shells().runShell(session));
        }
        if (request instanceof SessionRequest.Subsystem sub && server.subsystems().containsKey(sub.name())) {
            return start(channel, pending, sub.name(), server.subsystems().get(sub.name()));
        }
        return false;
    }

    private boolean start(ConnectionChannel channel, Pending pending, String command, CommandHandler handler) {
        if (pending.started) {
            return false;
        }
        pending.started = true;
        pending.control = new SessionControl(server.executor(), Optional.ofNullable(pending.pty));
        if (pending.resized != null) {
            pending.control.windowChanged(pending.resized);
        }
        try {
            server.executor().execute(new CommandTask(driver, channel, new CommandTask.Request(user, command,
                    pending.env, Optional.ofNullable(pending.pty), pending.control), handler, server.writeTimeout()));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }
}
