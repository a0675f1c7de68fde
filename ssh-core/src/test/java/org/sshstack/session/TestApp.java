package org.sshstack.session;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sshstack.SshException;
import org.sshstack.auth.AuthStatus;
import org.sshstack.auth.ServerAuthHandler;
import org.sshstack.auth.ServerAuthResult;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.connection.ConnectionHandler;
import org.sshstack.connection.OpenDecision;
import org.sshstack.connection.SessionRequest;

/**
 * Test support: a tiny server application. It accepts session channels and records every request; {@code exec}
 * of "exit N" writes "out N" to stdout and "err N" to stderr, then reports exit-status N, EOF and CLOSE; "kill"
 * reports exit-signal KILL. The work runs as pair tasks, outside the engine's callbacks.
 */
final class TestApp implements ConnectionHandler {

    final List<SessionRequest> requests = new ArrayList<>();
    final List<ConnectionChannel> channels = new ArrayList<>();
    ServerAuthResult user;
    SessionPair pair;

    /** A password-only user database: alice/secret. */
    static ServerAuthHandler passwords() {
        return new ServerAuthHandler() {
            @Override
            public List<String> allowedAuths(String username) {
                return List.of("password");
            }

            @Override
            public AuthStatus checkAuthPassword(String username, String password) {
                return username.equals("alice") && password.equals("secret") ? AuthStatus.SUCCESSFUL
                        : AuthStatus.FAILED;
            }
        };
    }

    /** @return the handler factory, remembering the authenticated user */
    ConnectionHandler forUser(ServerAuthResult result) {
        user = result;
        return this;
    }

    @Override
    public OpenDecision onChannelOpen(ConnectionChannel channel, byte[] typeData) {
        channels.add(channel);
        return OpenDecision.accept();
    }

    @Override
    public boolean onChannelRequest(ConnectionChannel channel, SessionRequest request) {
        requests.add(request);
        if (request instanceof SessionRequest.Exec exec) {
            pair.tasks.add(() -> run(channel, exec.command()));
        }
        return true;
    }

    private static void run(ConnectionChannel channel, String command) throws SshException {
        if (command.equals("kill")) {
            channel.sendRequest(new SessionRequest.ExitSignal("KILL", false, "killed", ""), false);
        } else {
            String code = command.startsWith("exit ") ? command.substring(5) : "0";
            byte[] out = ("out " + code).getBytes(StandardCharsets.UTF_8);
            byte[] err = ("err " + code).getBytes(StandardCharsets.UTF_8);
            channel.write(out, 0, out.length);
            channel.writeStderr(err, 0, err.length);
            channel.sendRequest(new SessionRequest.ExitStatus(command.startsWith("exit ")
                    ? Long.parseLong(code) : 0), false);
        }
        channel.sendEof();
        channel.close();
    }

    /** Reads what is buffered on one stream, until EOF. */
    static String readAll(ConnectionChannel channel, boolean stderr) throws SshException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = stderr ? channel.readStderr(buffer, 0, buffer.length) : channel.read(buffer, 0, buffer.length))
                > 0) {
            out.write(buffer, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
