package org.sshstack.keys;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sshstack.SshProtocolException;

/**
 * An OpenSSH user or host certificate (PROTOCOL.certkeys, draft-ietf-sshm-cert): a public key signed by a CA.
 * Decoding only parses (strictly: known types, sorted unique options, no trailing bytes, no certificate as CA key);
 * {@link CertificateVerifier} decides whether to trust it.
 */
public final class OpenSshCertificate implements SshPublicKey {

    /** The {@code valid before} value meaning "forever" (2^64-1, unsigned). */
    public static final long FOREVER = -1L;

    private final Fields f;

    OpenSshCertificate(Fields fields) {
        this.f = fields;
    }

    /**
     * @param blob the certificate blob
     * @return the parsed certificate
     * @throws SshProtocolException if the blob is malformed
     */
    public static OpenSshCertificate decode(byte[] blob) throws SshProtocolException {
        return CertificateDecoder.decode(blob);
    }

    @Override
    public KeyType keyType() {
        return f.keyType;
    }

    @Override
    public String typeName() {
        return f.keyType.certificateName();
    }

    @Override
    public byte[] blob() {
        return f.blob.clone();
    }

    /** @return the CA-chosen random nonce */
    public byte[] nonce() {
        return f.nonce.clone();
    }

    /** @return the certified key, as a plain {@link StandardPublicKey} or {@link SecurityKeyPublicKey} */
    public SshPublicKey certifiedKey() {
        return f.certifiedKey;
    }

    /** @return the serial number, a uint64 bit pattern (use {@link Long#toUnsignedString}) */
    public long serial() {
        return f.serial;
    }

    /** @return user or host */
    public CertificateType certificateType() {
        return f.type;
    }

    /** @return the free-form key id the CA set */
    public String keyId() {
        return f.keyId;
    }

    /** @return the valid principals (may be empty; {@link CertificateVerifier} rejects empty lists) */
    public List<String> principals() {
        return f.principals;
    }

    /** @return seconds since the epoch, a uint64 bit pattern (compare with {@link Long#compareUnsigned}) */
    public long validAfter() {
        return f.validAfter;
    }

    /** @return seconds since the epoch, a uint64 bit pattern; {@link #FOREVER} for no expiry */
    public long validBefore() {
        return f.validBefore;
    }

    /** @return {@link #validAfter()} as an instant, clamped to {@link Instant#MAX} */
    public Instant validAfterInstant() {
        return toInstant(f.validAfter);
    }

    /** @return {@link #validBefore()} as an instant, clamped to {@link Instant#MAX} */
    public Instant validBeforeInstant() {
        return toInstant(f.validBefore);
    }

    /** @return the critical options, in wire (lexical) order */
    public List<CertificateOption> criticalOptions() {
        return f.criticalOptions;
    }

    /** @return the extensions, in wire (lexical) order */
    public List<CertificateOption> extensions() {
        return f.extensions;
    }

    /**
     * @param name an option name
     * @return the critical option of that name, if present
     */
    public Optional<CertificateOption> criticalOption(String name) {
        return f.criticalOptions.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** @return the reserved field (ignored by this version of the protocol) */
    public byte[] reserved() {
        return f.reserved.clone();
    }

    /** @return the CA public key that signed this certificate (never itself a certificate) */
    public SshPublicKey signatureKey() {
        return f.signatureKey;
    }

    /** @return the signature algorithm named in the signature, e.g. {@code rsa-sha2-512} */
    public String signatureAlgorithm() {
        return f.signatureAlgorithm;
    }

    /** @return the signature blob: string algorithm || string signature (RFC 4253 §6.6) */
    public byte[] signature() {
        return f.signature.clone();
    }

    /** @return the bytes the CA signed: every field up to and including the signature key */
    public byte[] signedBytes() {
        return Arrays.copyOf(f.blob, f.signedLength);
    }

    private static Instant toInstant(long unsignedSeconds) {
        if (unsignedSeconds < 0 || unsignedSeconds > Instant.MAX.getEpochSecond()) {
            return Instant.MAX;
        }
        return Instant.ofEpochSecond(unsignedSeconds);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpenSshCertificate that && Arrays.equals(f.blob, that.f.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(f.blob);
    }

    @Override
    public String toString() {
        return typeName() + " " + f.type + " " + Fingerprints.sha256(this) + " id \"" + f.keyId + "\"";
    }

    /** The parsed fields, filled in by {@link CertificateDecoder}. */
    static final class Fields {
        KeyType keyType;
        byte[] blob;
        byte[] nonce;
        SshPublicKey certifiedKey;
        long serial;
        CertificateType type;
        String keyId;
        List<String> principals;
        long validAfter;
        long validBefore;
        List<CertificateOption> criticalOptions;
        List<CertificateOption> extensions;
        byte[] reserved;
        SshPublicKey signatureKey;
        String signatureAlgorithm;
        byte[] signature;
        int signedLength;
    }
}
