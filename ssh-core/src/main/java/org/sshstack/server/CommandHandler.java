package org.sshstack.server;

/**
 * Runs one exec request (or a subsystem) of a session channel: the server SPI. Called on the server's executor,
 * never on a connection's reading thread, so it may block on its streams.
 */
@FunctionalInterface
public interface CommandHandler {

    /**
     * @param command the command line, environment, pty and the channel's streams
     * @return the exit status sent to the client (RFC 4254 §6.10)
     * @throws Exception to end the command with exit status 255 (the message is not sent)
     */
    int run(ServerCommand command) throws Exception;
}
