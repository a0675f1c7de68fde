package org.sshstack.client;

/**
 * Serves one subsystem on a server-mode {@link Transport} (paramiko's {@code SubsystemHandler}): a new handler is
 * made by the registered factory for every accepted request and runs on a thread of the transport's thread factory,
 * never on the reading thread, so it may block on the channel. The channel is closed when it returns.
 */
@FunctionalInterface
public interface SubsystemHandler {

    /**
     * Serves the subsystem until done (paramiko's {@code start_subsystem}).
     *
     * @param name the subsystem name
     * @param transport the transport the request came over
     * @param channel the channel, with no timeout set
     * @throws Exception any failure; it is logged at DEBUG and the channel is closed
     */
    void startSubsystem(String name, Transport transport, Channel channel) throws Exception;
}
