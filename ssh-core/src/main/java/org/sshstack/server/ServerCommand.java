package org.sshstack.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.sshstack.connection.SessionRequest;

/**
 * What a {@link CommandHandler} or {@link ShellFactory} gets: the request and the channel's blocking streams.
 * Writes to stdout and stderr block on the client's window, at most the server's write timeout (then they throw and
 * the channel is closed); stdin ends at the client's EOF. Window changes and signals from the client arrive through
 * {@link #terminalSize()}, {@link #onWindowChange} and {@link #onSignal}.
 *
 * @param user the authenticated user name
 * @param command the exec command line, the subsystem name, or "" for a shell
 * @param environment the "env" requests received before
 * @param pty the pty request, if any
 * @param stdin the client's data
 * @param stdout ordinary data to the client
 * @param stderr extended data (stderr) to the client
 * @param control the client's window changes and signals for this command
 * @param clientVersion the client's SSH identification string (RFC 4253 §4.2), e.g. "SSH-2.0-OpenSSH_9.6"; ""
 *     when unknown (a command built by hand)
 */
public record ServerCommand(String user, String command, Map<String, String> environment,
        Optional<SessionRequest.PtyRequest> pty, InputStream stdin, OutputStream stdout, OutputStream stderr,
        SessionControl control, String clientVersion) {

    /** Copies the environment. */
    public ServerCommand {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(clientVersion, "clientVersion");
    }

    /**
     * A command whose client version is unknown ("").
     *
     * @param user the authenticated user name
     * @param command the command line, subsystem name, or ""
     * @param environment the environment
     * @param pty the pty request, if any
     * @param stdin the client's data
     * @param stdout ordinary data to the client
     * @param stderr extended data to the client
     * @param control the client's window changes and signals
     */
    public ServerCommand(String user, String command, Map<String, String> environment,
            Optional<SessionRequest.PtyRequest> pty, InputStream stdin, OutputStream stdout, OutputStream stderr,
            SessionControl control) {
        this(user, command, environment, pty, stdin, stdout, stderr, control, "");
    }

    /**
     * A command whose control never receives anything (built by hand, e.g. to test a handler).
     *
     * @param user the authenticated user name
     * @param command the command line, subsystem name, or ""
     * @param environment the environment
     * @param pty the pty request, if any
     * @param stdin the client's data
     * @param stdout ordinary data to the client
     * @param stderr extended data to the client
     */
    public ServerCommand(String user, String command, Map<String, String> environment,
            Optional<SessionRequest.PtyRequest> pty, InputStream stdin, OutputStream stdout, OutputStream stderr) {
        this(user, command, environment, pty, stdin, stdout, stderr, SessionControl.detached());
    }

    /** @return the terminal size: the pty request's, then the latest window-change (RFC 4254 §6.7); empty without */
    public Optional<SessionControl.TerminalSize> terminalSize() {
        return control.terminalSize();
    }

    /** @param listener told each window-change, on the server's executor (see {@link SessionControl}) */
    public void onWindowChange(Consumer<SessionControl.TerminalSize> listener) {
        control.onWindowChange(listener);
    }

    /** @param listener told each signal name, e.g. "INT" (RFC 4254 §6.9), on the server's executor */
    public void onSignal(Consumer<String> listener) {
        control.onSignal(listener);
    }

    /**
     * The command line split into words like a POSIX shell would, without any expansion (see {@link CommandLine});
     * the library never runs a command line through {@code /bin/sh} (SECURITY.md D3). Parsed on each call.
     *
     * @return the words of {@link #command()} (empty for a shell)
     * @throws CommandLine.SyntaxException if a quote is not closed: a handler that lets it propagate ends the
     *     command with exit status 255
     */
    public List<String> argv() throws CommandLine.SyntaxException {
        return CommandLine.split(command);
    }
}
