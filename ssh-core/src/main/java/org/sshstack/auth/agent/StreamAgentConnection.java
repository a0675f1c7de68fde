package org.sshstack.auth.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An {@link AgentConnection} over a pair of byte streams (an in-memory pipe, a forwarded channel, a named pipe).
 * It adds no timeout of its own: blocking reads wait as long as the streams do, so use it only with streams that
 * bound their reads; for the Unix socket use {@code org.sshstack.io.agent.UnixSocketAgentConnection}.
 */
public final class StreamAgentConnection implements AgentConnection {

    private final InputStream in;
    private final OutputStream out;

    /**
     * @param in where replies come from
     * @param out where requests go
     */
    public StreamAgentConnection(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public byte[] roundTrip(byte[] request) throws AgentException {
        byte[] framed = AgentFraming.frame(request);
        try {
            out.write(framed);
            out.flush();
        } catch (IOException e) {
            throw new AgentException("could not send a request to the agent", e);
        }
        return AgentFraming.readFrame(in);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
