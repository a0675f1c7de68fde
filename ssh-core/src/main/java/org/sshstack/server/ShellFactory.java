package org.sshstack.server;

/** Runs an interactive shell for a session channel's "shell" request; on the server's executor, may block. */
@FunctionalInterface
public interface ShellFactory {

    /**
     * @param session the (empty) command, environment, pty and the channel's streams
     * @return the exit status sent to the client
     * @throws Exception to end the shell with exit status 255
     */
    int runShell(ServerCommand session) throws Exception;
}
