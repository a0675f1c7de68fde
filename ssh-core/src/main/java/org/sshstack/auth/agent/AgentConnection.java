package org.sshstack.auth.agent;

import java.io.Closeable;

/**
 * One connection to an ssh-agent that exchanges whole messages, one request and one reply at a time. Framing
 * (the uint32 length) belongs to the implementation, which must bound every reply with {@link AgentFraming}.
 * Implementations are used by one thread at a time.
 */
public interface AgentConnection extends Closeable {

    /**
     * Sends one request and waits (bounded by the implementation's timeout) for its reply.
     *
     * @param request the message body: type byte then contents, without the length prefix
     * @return the reply body: type byte then contents, at least one byte long
     * @throws AgentException if the exchange fails, times out or the reply frame is malformed
     */
    byte[] roundTrip(byte[] request) throws AgentException;

    /** Closes the connection; never throws. */
    @Override
    void close();
}
