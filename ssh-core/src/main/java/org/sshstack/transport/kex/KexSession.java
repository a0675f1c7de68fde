package org.sshstack.transport.kex;

import java.security.SecureRandom;
import java.util.Objects;
import org.sshstack.crypto.kex.DhGroup;
import org.sshstack.crypto.kex.KeyExchangeException;
import org.sshstack.crypto.kex.SharedSecret;
import org.sshstack.crypto.signature.SignatureAlgorithm;
import org.sshstack.keys.SshPublicKey;

/** What both drivers share: the method, the transcript, the host key algorithm and the previous session id. */
final class KexSession {

    final KexMethod method;
    final KexTranscript transcript;
    final String hostKeyAlgorithm;
    final SignatureAlgorithm signatureAlgorithm;
    private final byte[] previousSessionId;
    final SecureRandom random;

    KexSession(KexMethod method, KexTranscript transcript, String hostKeyAlgorithm, byte[] previousSessionId,
            SecureRandom random) throws KeyExchangeException {
        this.method = Objects.requireNonNull(method, "method");
        this.transcript = Objects.requireNonNull(transcript, "transcript");
        this.hostKeyAlgorithm = Objects.requireNonNull(hostKeyAlgorithm, "hostKeyAlgorithm");
        this.random = Objects.requireNonNull(random, "random");
        this.previousSessionId = previousSessionId == null ? null : previousSessionId.clone();
        this.signatureAlgorithm = HostKeyAlgorithms.signatureAlgorithm(hostKeyAlgorithm);
    }

    /** H over this session's transcript; request and group only for group exchange. */
    byte[] exchangeHash(byte[] hostKey, GexRequest request, DhGroup group, byte[] clientValue, byte[] serverValue,
            SharedSecret k) {
        if (method.family() == KexFamily.GEX) {
            return ExchangeHash.computeGex(method.hash(), transcript, hostKey, request, group, clientValue,
                    serverValue, k);
        }
        return ExchangeHash.compute(method.hash(), method.family(), transcript, hostKey, clientValue, serverValue, k);
    }

    /** RFC 4253 §7.2: the session id is H of the first key exchange and never changes on rekey. */
    KexResult result(byte[] h, SharedSecret k, byte[] hostKeyBlob, SshPublicKey hostKey) {
        byte[] sessionId = previousSessionId == null ? h : previousSessionId;
        return new KexResult(method, h, k, sessionId, hostKeyAlgorithm, hostKeyBlob, hostKey,
                signatureAlgorithm.name());
    }
}
