package org.sshstack.keys;

import java.util.Arrays;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;

/**
 * An OpenSSH user or host certificate (PROTOCOL.certkeys, draft-ietf-sshm-cert): a public key signed by a CA.
 * Decoding only parses; {@code CertificateVerifier} decides whether to trust it.
 */
public final class OpenSshCertificate implements SshPublicKey {

    private final KeyType keyType;
    private final byte[] blob;

    private OpenSshCertificate(KeyType keyType, byte[] blob) {
        this.keyType = keyType;
        this.blob = blob.clone();
    }

    /**
     * @param blob the certificate blob
     * @return the parsed certificate
     * @throws SshProtocolException if the blob is malformed
     */
    public static OpenSshCertificate decode(byte[] blob) throws SshProtocolException {
        SshReader in = new SshReader(blob);
        String name = in.readAscii();
        KeyType type = KeyType.fromCertificateName(name)
                .orElseThrow(() -> new SshProtocolException("unsupported certificate type " + name));
        return new OpenSshCertificate(type, blob);
    }

    @Override
    public KeyType keyType() {
        return keyType;
    }

    @Override
    public String typeName() {
        return keyType.certificateName();
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpenSshCertificate that && Arrays.equals(blob, that.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return typeName() + " " + Fingerprints.sha256(this);
    }
}
