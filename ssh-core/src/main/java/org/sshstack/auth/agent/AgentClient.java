package org.sshstack.auth.agent;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.sshstack.SshProtocolException;
import org.sshstack.keys.PublicKeyCodec;
import org.sshstack.keys.SshPublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the ssh-agent protocol (RFC 9987) over one {@link AgentConnection}: lists the agent's keys as
 * {@link AgentIdentity} signers and asks it to sign. Requests on one client are serialised, so identities may be
 * used from several threads. Closing the client closes the connection.
 */
public final class AgentClient implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentClient.class);

    private final AgentConnection connection;
    private final ReentrantLock lock = new ReentrantLock();

    /** @param connection the connection to the agent; this client owns and closes it */
    public AgentClient(AgentConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Lists the agent's keys and certificates. Entries whose blob sshstack cannot decode (unknown key types) are
     * skipped and logged at debug level.
     *
     * @return the usable identities, in the agent's order
     * @throws AgentException if the exchange fails or the reply is malformed
     */
    public List<AgentIdentity> identities() throws AgentException {
        List<AgentIdentity> out = new ArrayList<>();
        for (AgentKeyEntry entry : rawIdentities()) {
            try {
                SshPublicKey key = PublicKeyCodec.decode(entry.keyBlob());
                out.add(new AgentIdentity(this, key, entry.comment()));
            } catch (SshProtocolException e) {
                LOG.debug("skipping an agent key sshstack cannot use: {}", e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    /**
     * @return the raw entries of the agent's IDENTITIES_ANSWER, undecoded (RFC 9987 §3.5)
     * @throws AgentException if the exchange fails or the reply is malformed
     */
    public List<AgentKeyEntry> rawIdentities() throws AgentException {
        return AgentCodec.decodeIdentities(exchange(AgentCodec.requestIdentities()));
    }

    /**
     * Asks the agent to sign (RFC 9987 §3.6). Prefer {@link AgentIdentity#sign}, which picks the flags and checks
     * the algorithm of the answer.
     *
     * @param keyBlob the public key blob of the agent's key
     * @param data the data to sign
     * @param flags bitwise OR of {@code AgentMessage.FLAG_*}
     * @return the signature blob the agent returned
     * @throws AgentException if the agent refuses ({@link AgentFailureException}), the exchange fails or the
     *         reply is malformed
     */
    public byte[] sign(byte[] keyBlob, byte[] data, int flags) throws AgentException {
        return AgentCodec.decodeSignResponse(exchange(AgentCodec.signRequest(keyBlob, data, flags)));
    }

    /**
     * Adds a private key (RFC 9987 §3.2). The request holds the private key; it is wiped after sending.
     *
     * @param keyTypeAndData {@code string key type || byte[] key data} in the per-type layout of RFC 9987
     *        §3.2.1-3.2.4; not modified
     * @param comment the comment the agent stores with the key
     * @throws AgentException if the agent refuses or the exchange fails
     */
    public void addIdentity(byte[] keyTypeAndData, String comment) throws AgentException {
        byte[] request = AgentCodec.addIdentity(keyTypeAndData, comment);
        try {
            AgentCodec.decodeSuccess(exchange(request), "add a key");
        } finally {
            java.util.Arrays.fill(request, (byte) 0);
        }
    }

    /**
     * @param key the key to remove from the agent (RFC 9987 §3.4)
     * @throws AgentException if the agent does not hold it ({@link AgentFailureException}) or the exchange fails
     */
    public void removeIdentity(SshPublicKey key) throws AgentException {
        AgentCodec.decodeSuccess(exchange(AgentCodec.removeIdentity(key.blob())), "remove a key");
    }

    /**
     * Removes every key the agent holds (RFC 9987 §3.4).
     *
     * @throws AgentException if the agent refuses or the exchange fails
     */
    public void removeAllIdentities() throws AgentException {
        AgentCodec.decodeSuccess(exchange(AgentCodec.removeAllIdentities()), "remove all keys");
    }

    /**
     * @return the extensions the agent supports, via the optional query extension (RFC 9987 §3.8.1)
     * @throws AgentException if the agent does not support the query ({@link AgentFailureException}), the
     *         exchange fails or the reply is malformed
     */
    public List<String> queryExtensions() throws AgentException {
        return AgentCodec.decodeQuery(exchange(AgentCodec.query()));
    }

    /** Closes the connection to the agent. */
    @Override
    public void close() {
        connection.close();
    }

    private byte[] exchange(byte[] request) throws AgentException {
        lock.lock();
        try {
            byte[] reply = connection.roundTrip(request);
            if (reply == null || reply.length == 0 || reply.length > AgentFraming.MAX_MESSAGE) {
                throw new AgentException("agent connection returned a reply outside 1.." + AgentFraming.MAX_MESSAGE
                        + " bytes");
            }
            return reply;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "AgentClient[" + connection + "]";
    }
}
