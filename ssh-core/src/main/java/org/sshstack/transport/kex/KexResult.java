package org.sshstack.transport.kex;

import java.util.Objects;
import org.sshstack.crypto.kex.KeyExchangeException;
import org.sshstack.crypto.kex.SharedSecret;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.transport.NegotiatedAlgorithms;

/**
 * What a finished key exchange yields on either side: H, K, the session id and the server's host key.
 *
 * <p>On the client the signature of H has been verified with the host key, but the host key itself is not yet
 * trusted: the engine must ask its host key verifier (known_hosts, certificate authority) before NEWKEYS. The
 * engine should {@link SharedSecret#destroy() destroy} K once it has derived the keys.
 */
public final class KexResult {

    private final KexMethod method;
    private final byte[] exchangeHash;
    private final SharedSecret sharedSecret;
    private final byte[] sessionId;
    private final String hostKeyAlgorithm;
    private final byte[] hostKeyBlob;
    private final SshPublicKey hostKey;
    private final String signatureAlgorithm;

    KexResult(KexMethod method, byte[] exchangeHash, SharedSecret sharedSecret, byte[] sessionId,
            String hostKeyAlgorithm, byte[] hostKeyBlob, SshPublicKey hostKey, String signatureAlgorithm) {
        this.method = Objects.requireNonNull(method);
        this.exchangeHash = exchangeHash.clone();
        this.sharedSecret = Objects.requireNonNull(sharedSecret);
        this.sessionId = sessionId.clone();
        this.hostKeyAlgorithm = Objects.requireNonNull(hostKeyAlgorithm);
        this.hostKeyBlob = hostKeyBlob.clone();
        this.hostKey = Objects.requireNonNull(hostKey);
        this.signatureAlgorithm = Objects.requireNonNull(signatureAlgorithm);
    }

    /** @return the method that ran */
    public KexMethod method() {
        return method;
    }

    /** @return a copy of the exchange hash H of this key exchange */
    public byte[] exchangeHash() {
        return exchangeHash.clone();
    }

    /** @return the shared secret K (the caller destroys it when done) */
    public SharedSecret sharedSecret() {
        return sharedSecret;
    }

    /** @return a copy of the session id: H of the first key exchange of the connection (RFC 4253 §7.2) */
    public byte[] sessionId() {
        return sessionId.clone();
    }

    /** @return the negotiated host key algorithm, e.g. {@code rsa-sha2-512-cert-v01@openssh.com} */
    public String hostKeyAlgorithm() {
        return hostKeyAlgorithm;
    }

    /** @return a copy of K_S exactly as the server sent it */
    public byte[] hostKeyBlob() {
        return hostKeyBlob.clone();
    }

    /** @return the server's host key (a certificate for the certificate algorithms), not yet trusted */
    public SshPublicKey hostKey() {
        return hostKey;
    }

    /** @return the signature algorithm that signed H, e.g. {@code rsa-sha2-512} */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /**
     * @param clientToServer the client-to-server lengths
     * @param serverToClient the server-to-client lengths
     * @return the keys for both directions (RFC 4253 §7.2)
     */
    public DerivedKeys deriveKeys(KeyLengths clientToServer, KeyLengths serverToClient) {
        return KeyDerivation.derive(method.hash(), sharedSecret, exchangeHash, sessionId, clientToServer, serverToClient);
    }

    /**
     * @param algorithms the negotiated algorithms, whose ciphers and MACs decide the key lengths
     * @return the keys for both directions (RFC 4253 §7.2)
     * @throws KeyExchangeException if a negotiated cipher or MAC is not implemented
     */
    public DerivedKeys deriveKeys(NegotiatedAlgorithms algorithms) throws KeyExchangeException {
        return deriveKeys(KeyLengths.of(algorithms.clientToServer()), KeyLengths.of(algorithms.serverToClient()));
    }

    /** @return the method and host key type, never secrets */
    @Override
    public String toString() {
        return "KexResult[" + method + ", " + hostKeyAlgorithm + ", H " + exchangeHash.length + " bytes, "
                + sharedSecret + "]";
    }
}
