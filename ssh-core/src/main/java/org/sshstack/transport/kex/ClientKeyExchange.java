package org.sshstack.transport.kex;

import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Objects;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.crypto.kex.DhGroup;
import org.sshstack.crypto.kex.FiniteFieldDh;
import org.sshstack.crypto.kex.KexPrimitive;
import org.sshstack.crypto.kex.KeyExchangeException;
import org.sshstack.crypto.kex.SharedSecret;
import org.sshstack.keys.PublicKeyCodec;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.wire.MessageNumbers;

/**
 * The client side of one key exchange method, sans I/O: {@link #start()} gives the first payload (KEX*_INIT, or
 * GEX_REQUEST), {@link #onMessage(byte[])} takes each method message from the server and gives the next payload
 * (GEX_INIT after GEX_GROUP) or the finished {@link KexResult}, with the server's signature of H verified
 * (RFC 4253 §8, RFC 5656 §4, RFC 8731 §3, RFC 4419 §3, draft-ietf-sshm-mlkem-hybrid-kex-10 §2).
 *
 * <p>The host key is returned, not judged: the engine asks its verifier before sending NEWKEYS. Every failure is
 * an {@link SshException} ({@link KeyExchangeException} or {@link SshProtocolException}); after one, the object
 * refuses further messages. Not thread-safe; one instance per key exchange.
 */
public final class ClientKeyExchange {

    private enum State { NEW, AWAIT_GROUP, AWAIT_REPLY, DONE, FAILED }

    private final KexSession session;
    private final GexPreferences gexPreferences;
    private State state = State.NEW;
    private GexRequest request;
    private DhGroup group;
    private KexPrimitive.Initiator initiator;
    private byte[] clientValue;

    private ClientKeyExchange(KexSession session, GexPreferences gexPreferences) {
        this.session = session;
        this.gexPreferences = gexPreferences;
    }

    /**
     * @param method the negotiated method
     * @param transcript V_C, V_S, I_C, I_S
     * @param hostKeyAlgorithm the negotiated server host key algorithm
     * @param previousSessionId the session id of this connection, or null in the first key exchange
     * @param random the source of the ephemeral keys
     * @param gexPreferences the sizes to request when the method is group exchange
     * @return a driver that has not started
     * @throws KeyExchangeException if the host key algorithm is not supported
     */
    public static ClientKeyExchange create(KexMethod method, KexTranscript transcript, String hostKeyAlgorithm,
            byte[] previousSessionId, SecureRandom random, GexPreferences gexPreferences) throws KeyExchangeException {
        KexSession session = new KexSession(method, transcript, hostKeyAlgorithm, previousSessionId, random);
        return new ClientKeyExchange(session, Objects.requireNonNull(gexPreferences, "gexPreferences"));
    }

    /**
     * Like {@link #create(KexMethod, KexTranscript, String, byte[], SecureRandom, GexPreferences)} with
     * {@link GexPreferences#DEFAULT}.
     *
     * @param method the negotiated method
     * @param transcript V_C, V_S, I_C, I_S
     * @param hostKeyAlgorithm the negotiated server host key algorithm
     * @param previousSessionId the session id of this connection, or null in the first key exchange
     * @param random the source of the ephemeral keys
     * @return a driver that has not started
     * @throws KeyExchangeException if the host key algorithm is not supported
     */
    public static ClientKeyExchange create(KexMethod method, KexTranscript transcript, String hostKeyAlgorithm,
            byte[] previousSessionId, SecureRandom random) throws KeyExchangeException {
        return create(method, transcript, hostKeyAlgorithm, previousSessionId, random, GexPreferences.DEFAULT);
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
     * @return the first payload to send: KEXDH_INIT, KEX_ECDH_INIT, KEX_HYBRID_INIT or KEX_DH_GEX_REQUEST
     * @throws IllegalStateException if called twice
     */
    public byte[] start() {
        if (state != State.NEW) {
            throw new IllegalStateException("key exchange already started");
        }
        if (session.method.family() == KexFamily.GEX) {
            request = gexPreferences.request(); // RFC 4419 §3
            state = State.AWAIT_GROUP;
            return request.encode();
        }
        initiator = session.method.primitive().start(session.random);
        clientValue = initiator.clientValue();
        state = State.AWAIT_REPLY;
        return session.method.family().encodeInit(clientValue);
    }

    /**
     * @param payload a method message (number 30-49) from the server
     * @return the next payload to send, or the result
     * @throws SshProtocolException if the message is not legal in this step or malformed
     * @throws KeyExchangeException if the group, the server's value, the host key or the signature is bad
     */
    public KexStep onMessage(byte[] payload) throws SshException {
        if (state == State.NEW) {
            throw new IllegalStateException("start() must come first");
        }
        int expected = state == State.AWAIT_GROUP ? MessageNumbers.KEX_DH_GEX_GROUP
                : session.method.family().replyNumber();
        return KexMessageGuard.dispatch(payload, expected, state == State.DONE || state == State.FAILED,
                session.method, "server", () -> state = State.FAILED,
                p -> state == State.AWAIT_GROUP ? onGroup(p) : onReply(p));
    }

    private KexStep onGroup(byte[] payload) throws SshException {
        GexGroup message = GexGroup.decode(payload);
        DhGroup offered = DhGroup.of(message.p(), message.g()); // odd, 2048..8192 bits, 1 < g < p-1
        if (offered.bits() < request.min() || offered.bits() > request.max()) {
            throw new KeyExchangeException("server sent a " + offered.bits() + "-bit group, outside the requested "
                    + request.min() + ".." + request.max() + " bits (RFC 4419 §3)");
        }
        group = offered;
        initiator = new FiniteFieldDh(group).start(session.random);
        clientValue = initiator.clientValue();
        state = State.AWAIT_REPLY;
        return KexStep.send(KexFamily.GEX.encodeInit(clientValue));
    }

    private KexStep onReply(byte[] payload) throws SshException {
        KexFamily.Reply reply = session.method.family().decodeReply(payload);
        SshPublicKey hostKey = PublicKeyCodec.decode(reply.hostKey());
        PublicKey verificationKey = HostKeyAlgorithms.verificationKey(session.hostKeyAlgorithm, hostKey);
        SharedSecret k = initiator.complete(reply.serverValue());
        byte[] h = session.exchangeHash(reply.hostKey(), request, group, clientValue, reply.serverValue(), k);
        String algorithm = session.signatureAlgorithm.name();
        HostKeyAlgorithms.checkSignatureName(algorithm, reply.signature());
        if (!session.signatureAlgorithm.verify(verificationKey, h, reply.signature())) {
            k.destroy();
            throw new KeyExchangeException("the server's " + algorithm + " signature of the exchange hash is invalid");
        }
        state = State.DONE;
        return KexStep.done(session.result(h, k, reply.hostKey(), hostKey));
    }

    /** @return the method and step */
    @Override
    public String toString() {
        return "ClientKeyExchange[" + session.method + ", " + state + "]";
    }
}
