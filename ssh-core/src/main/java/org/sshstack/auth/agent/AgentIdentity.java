package org.sshstack.auth.agent;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.crypto.signature.SignatureAlgorithms;
import org.sshstack.crypto.signature.SshSigner;
import org.sshstack.crypto.signature.UnsuitableKeyException;
import org.sshstack.keys.Fingerprints;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.wire.SshReader;

/**
 * One key (or certificate) held by an ssh-agent, usable as an {@link SshSigner} exactly like a key from a file:
 * the private half stays in the agent, which signs on request (RFC 9987 §3.6). Immutable.
 */
public final class AgentIdentity implements SshSigner {

    private static final String RSA_SHA2_256 = "rsa-sha2-256";
    private static final String RSA_SHA2_512 = "rsa-sha2-512";
    private static final String SSH_RSA = "ssh-rsa";

    private final AgentClient client;
    private final SshPublicKey publicKey;
    private final String comment;

    /**
     * @param client the client whose agent holds the key
     * @param publicKey the public key or certificate, as the agent listed it
     * @param comment the agent's comment for the key
     */
    public AgentIdentity(AgentClient client, SshPublicKey publicKey, String comment) {
        this.client = client;
        this.publicKey = publicKey;
        this.comment = comment;
    }

    /** @return the public key, or the certificate when the agent holds one */
    public SshPublicKey publicKey() {
        return publicKey;
    }

    /** @return the agent's comment for this key (often the file it was loaded from) */
    public String comment() {
        return comment;
    }

    /** @return the public key blob the agent identifies the key by (a fresh copy) */
    public byte[] keyBlob() {
        return publicKey.blob();
    }

    /** @return the plain key type, also for a certificate: {@code ssh-ed25519}, {@code ssh-rsa}, ... */
    @Override
    public String keyTypeName() {
        return publicKey.keyType().wireName();
    }

    /**
     * @return the signature algorithms, preferred first: for RSA {@code rsa-sha2-512} then {@code rsa-sha2-256};
     *         for FIDO keys their own name; empty for DSA (never offered)
     */
    @Override
    public List<String> algorithmNames() {
        if (publicKey.keyType().isSecurityKey()) {
            return List.of(keyTypeName());
        }
        return SshSigner.super.algorithmNames();
    }

    /**
     * Asks the agent to sign, setting the RSA flag the algorithm needs (RFC 9987 §3.6.1), and checks that the
     * answer is a signature of the requested algorithm.
     *
     * @param algorithmName the signature algorithm
     * @param data the data to sign
     * @return the signature blob
     * @throws SshException {@link UnsuitableKeyException} if the algorithm does not fit this key,
     *         {@link AgentFailureException} if the agent refuses, {@link AgentException} for a malformed answer
     */
    @Override
    public byte[] sign(String algorithmName, byte[] data) throws SshException {
        int flags = flagsFor(algorithmName);
        byte[] blob = client.sign(publicKey.blob(), data, flags);
        checkSignature(algorithmName, blob);
        return blob;
    }

    private int flagsFor(String algorithmName) throws UnsuitableKeyException {
        KeyType type = publicKey.keyType();
        if (type == KeyType.RSA) {
            return switch (String.valueOf(algorithmName)) {
                case RSA_SHA2_512 -> AgentMessage.FLAG_RSA_SHA2_512;
                case RSA_SHA2_256 -> AgentMessage.FLAG_RSA_SHA2_256;
                case SSH_RSA -> 0;
                default -> throw unsuitable(algorithmName);
            };
        }
        boolean known = type.isSecurityKey() || SignatureAlgorithms.byName(algorithmName).isPresent();
        if (!known || !type.wireName().equals(algorithmName)) {
            throw unsuitable(algorithmName);
        }
        return 0;
    }

    private UnsuitableKeyException unsuitable(String algorithmName) {
        return new UnsuitableKeyException(AgentCodec.printable(String.valueOf(algorithmName))
                + " cannot sign with a " + keyTypeName() + " key");
    }

    private void checkSignature(String algorithmName, byte[] blob) throws AgentException {
        try {
            SshReader in = new SshReader(blob);
            String name = new String(in.readString(256), StandardCharsets.ISO_8859_1);
            if (!algorithmName.equals(name)) {
                throw new AgentException("agent signed with " + AgentCodec.printable(name) + " instead of "
                        + algorithmName);
            }
            in.readString();
            if (!publicKey.keyType().isSecurityKey()) {
                in.expectEnd(); // RFC 4253 §6.6; FIDO signatures carry flags and a counter after (PROTOCOL.u2f)
            }
        } catch (SshProtocolException e) {
            throw new AgentException("malformed signature from the agent: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "AgentIdentity[" + publicKey.typeName() + " " + Fingerprints.sha256(publicKey) + " "
                + AgentCodec.printable(comment) + "]";
    }
}
