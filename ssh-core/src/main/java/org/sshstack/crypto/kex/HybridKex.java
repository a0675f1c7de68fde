package org.sshstack.crypto.kex;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The PQ/T hybrid shape shared by mlkem768x25519-sha256 and sntrup761x25519-sha512
 * (draft-ietf-sshm-mlkem-hybrid-kex-10 §2.1, §2.4; OpenSSH kexsntrup761x25519.c).
 *
 * <p>C_INIT = C_PK2 || C_PK1 (KEM public key, then classical public value); S_REPLY = S_CT2 || S_PK1 (KEM
 * ciphertext, then classical public value). Both lengths are checked exactly before anything is parsed.
 * K = HASH(K_PQ || K_CL) with K_CL the classical secret as a fixed-length byte array, and K is encoded as a
 * string, not an mpint (§2.5).
 */
public abstract class HybridKex implements KexPrimitive {

    private final Kem kem;
    private final DhKex classical;
    private final int classicalLength;
    private final String hashAlgorithm;

    /**
     * @param kem the post-quantum KEM
     * @param classical the classical agreement
     * @param classicalLength the fixed length of the classical public value
     * @param hashAlgorithm the JCA name of HASH
     */
    HybridKex(Kem kem, DhKex classical, int classicalLength, String hashAlgorithm) {
        this.kem = kem;
        this.classical = classical;
        this.classicalLength = classicalLength;
        this.hashAlgorithm = hashAlgorithm;
    }

    /** @return the exact length of C_INIT */
    public int clientValueLength() {
        return kem.publicKeyLength() + classicalLength;
    }

    /** @return the exact length of S_REPLY */
    public int serverValueLength() {
        return kem.ciphertextLength() + classicalLength;
    }

    /** {@inheritDoc} */
    @Override
    public Initiator start(SecureRandom random) {
        Kem.Decapsulator pq = kem.generate(random);
        KeyAgreement cl = classical.generate(random);
        byte[] clientValue = concat(pq.publicKey(), cl.publicValue());
        return new Initiator() {
            @Override
            public byte[] clientValue() {
                return clientValue.clone();
            }

            @Override
            public SharedSecret complete(byte[] serverValue) throws KeyExchangeException {
                PeerValues.requireLength(serverValue, serverValueLength(), "hybrid S_REPLY");
                int split = kem.ciphertextLength();
                byte[] kCl = cl.agree(Arrays.copyOfRange(serverValue, split, serverValue.length)).bytes();
                byte[] kPq = pq.decapsulate(Arrays.copyOfRange(serverValue, 0, split));
                return combine(kPq, kCl);
            }
        };
    }

    /** {@inheritDoc} */
    @Override
    public Response respond(byte[] clientValue, SecureRandom random) throws KeyExchangeException {
        PeerValues.requireLength(clientValue, clientValueLength(), "hybrid C_INIT");
        int split = kem.publicKeyLength();
        KeyAgreement cl = classical.generate(random);
        byte[] kCl = cl.agree(Arrays.copyOfRange(clientValue, split, clientValue.length)).bytes();
        Kem.Encapsulation pq = kem.encapsulate(Arrays.copyOfRange(clientValue, 0, split), random);
        return new Response(concat(pq.ciphertext(), cl.publicValue()), combine(pq.secret(), kCl));
    }

    /** §2.4: K = HASH(K_PQ || K_CL), then both inputs are wiped. */
    private SharedSecret combine(byte[] kPq, byte[] kCl) {
        MessageDigest digest = newDigest();
        digest.update(kPq);
        digest.update(kCl);
        Arrays.fill(kPq, (byte) 0);
        Arrays.fill(kCl, (byte) 0);
        byte[] k = digest.digest();
        SharedSecret secret = SharedSecret.ofString(k);
        Arrays.fill(k, (byte) 0);
        return secret;
    }

    private MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(hashAlgorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(hashAlgorithm + " is missing from this JDK", e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }
}
