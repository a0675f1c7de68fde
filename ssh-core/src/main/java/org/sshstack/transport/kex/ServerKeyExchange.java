package org.sshstack.transport.kex;

import java.security.SecureRandom;
import java.util.Objects;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.crypto.kex.DhGroup;
import org.sshstack.crypto.kex.FiniteFieldDh;
import org.sshstack.crypto.kex.KexPrimitive;
import org.sshstack.crypto.kex.KeyExchangeException;
import org.sshstack.wire.MessageNumbers;

/**
 * The server side of one key exchange method, sans I/O: {@link #onMessage(byte[])} takes each method message from
 * the client and gives GEX_GROUP after a GEX_REQUEST, or the reply (KEXDH_REPLY, KEX_ECDH_REPLY, KEX_HYBRID_REPLY,
 * GEX_REPLY) together with the finished {@link KexResult}. H is signed with the host key through its
 * {@link org.sshstack.crypto.signature.SshSigner} with the signature algorithm of the negotiated host key algorithm
 * (RFC 4253 §8, RFC 5656 §4, RFC 4419 §3, draft-ietf-sshm-mlkem-hybrid-kex-10 §2).
 *
 * <p>Every failure is an {@link SshException}; after one, the object refuses further messages. Not thread-safe.
 */
public final class ServerKeyExchange {

    private enum State { AWAIT_REQUEST, AWAIT_INIT, DONE, FAILED }

    private final KexSession session;
    private final ServerHostKey hostKey;
    private final DhGroupSource groups;
    private State state;
    private GexRequest request;
    private DhGroup group;

    private ServerKeyExchange(KexSession session, ServerHostKey hostKey, DhGroupSource groups) {
        this.session = session;
        this.hostKey = hostKey;
        this.groups = groups;
        this.state = session.method.family() == KexFamily.GEX ? State.AWAIT_REQUEST : State.AWAIT_INIT;
    }

    /**
     * @param method the negotiated method
     * @param transcript V_C, V_S, I_C, I_S
     * @param hostKeyAlgorithm the negotiated host key algorithm
     * @param hostKey the host key (plain or certificate) of that algorithm, with its signer
     * @param previousSessionId the session id of this connection, or null in the first key exchange
     * @param random the source of the ephemeral keys
     * @param groups where group exchange takes its groups from (e.g. {@link Moduli#builtIn()})
     * @return a driver waiting for the client's first message
     * @throws KeyExchangeException if the host key algorithm is not supported or the host key does not fit it
     */
    public static ServerKeyExchange create(KexMethod method, KexTranscript transcript, String hostKeyAlgorithm,
            ServerHostKey hostKey, byte[] previousSessionId, SecureRandom random, DhGroupSource groups)
            throws KeyExchangeException {
        KexSession session = new KexSession(method, transcript, hostKeyAlgorithm, previousSessionId, random);
        Objects.requireNonNull(hostKey, "hostKey");
        HostKeyAlgorithms.verificationKey(hostKeyAlgorithm, hostKey.publicKey());
        if (!hostKey.signer().keyTypeName().equals(session.signatureAlgorithm.keyTypeName())) {
            throw new KeyExchangeException("the host key signer signs " + hostKey.signer().keyTypeName()
                    + ", not " + session.signatureAlgorithm.keyTypeName());
        }
        return new ServerKeyExchange(session, hostKey, Objects.requireNonNull(groups, "groups"));
    }

    /** @return the method this driver runs */
    public KexMethod method() {
        return session.method;
    }

    /** @return true once {@link #onMessage} has returned a result */
    public boolean isComplete() {
        return state == State.DONE;
    }

    /**
     * @param payload a method message (number 30-49) from the client
     * @return GEX_GROUP to send, or the reply to send and the result
     * @throws SshProtocolException if the message is not legal in this step or malformed
     * @throws KeyExchangeException if the request is refused, the client's value is bad or signing fails
     */
    public KexStep onMessage(byte[] payload) throws SshException {
        int expected = state == State.AWAIT_REQUEST ? MessageNumbers.KEX_DH_GEX_REQUEST
                : session.method.family().initNumber();
        return KexMessageGuard.dispatch(payload, expected, state == State.DONE || state == State.FAILED,
                session.method, "client", () -> state = State.FAILED,
                p -> state == State.AWAIT_REQUEST ? onRequest(p) : onInit(p));
    }

    private KexStep onRequest(byte[] payload) throws SshException {
        GexRequest received = GexRequest.decode(payload);
        GexBounds bounds = GexBounds.of(received); // SECURITY.md B8
        DhGroup chosen = groups.select(bounds.min(), bounds.n(), bounds.max(), session.random);
        if (chosen.bits() < bounds.min() || chosen.bits() > bounds.max()) {
            throw new KeyExchangeException("the group source returned a " + chosen.bits() + "-bit group for "
                    + bounds.min() + ".." + bounds.max());
        }
        request = received;
        group = chosen;
        state = State.AWAIT_INIT;
        return KexStep.send(GexGroup.of(group).encode());
    }

    private KexStep onInit(byte[] payload) throws SshException {
        KexFamily family = session.method.family();
        byte[] clientValue = family.decodeInit(payload);
        KexPrimitive primitive = family == KexFamily.GEX ? new FiniteFieldDh(group) : session.method.primitive();
        KexPrimitive.Response response = primitive.respond(clientValue, session.random);
        byte[] serverValue = response.serverValue();
        byte[] hostKeyBlob = hostKey.publicKey().blob();
        byte[] h = session.exchangeHash(hostKeyBlob, request, group, clientValue, serverValue,
                response.sharedSecret());
        byte[] signature = hostKey.signer().sign(session.signatureAlgorithm.name(), h);
        byte[] reply = family.encodeReply(hostKeyBlob, serverValue, signature);
        state = State.DONE;
        return KexStep.done(session.result(h, response.sharedSecret(), hostKeyBlob, hostKey.publicKey()), reply);
    }

    /** @return the method and step */
    @Override
    public String toString() {
        return "ServerKeyExchange[" + session.method + ", " + state + "]";
    }
}
