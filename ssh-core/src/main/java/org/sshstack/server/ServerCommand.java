package org.sshstack.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sshstack.connection.SessionRequest;

/**
 * What a {@link CommandHandler} or {@link ShellFactory} gets: the request and the channel's blocking streams.
 * Writes to stdout and stderr block on the client's window; stdin ends at the client's EOF.
 *
 * @param user the authenticated user name
 * @param command the exec command line, the subsystem name, or "" for a shell
 * @param environment the "env" requests received before
 * @param pty the pty request, if any
 * @param stdin the client's data
 * @param stdout ordinary data to the client
 * @param stderr extended data (stderr) to the client
 */
public record ServerCommand(String user, String command, Map<String, String> environment,
        Optional<SessionRequest.PtyRequest> pty, InputStream stdin, OutputStream stdout, OutputStream stderr) {

    /** Copies the environment. */
    public ServerCommand {
        environment = Map.copyOf(environment);
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
