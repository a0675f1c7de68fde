package org.sshstack.keys;

import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;

/**
 * Finds the plain key inside a certificate blob (PROTOCOL.certkeys: type, nonce, then the key's own fields), so
 * that fingerprints and key sizes follow OpenSSH, which always describes a certificate by its certified key.
 */
final class CertifiedKeys {

    private CertifiedKeys() {
    }

    /**
     * @param key any public key
     * @return the key itself, or for a certificate the plain key it certifies; null if that cannot be parsed
     */
    static SshPublicKey plain(SshPublicKey key) {
        if (!(key instanceof OpenSshCertificate certificate)) {
            return key;
        }
        try {
            SshReader in = new SshReader(certificate.blob());
            in.readAscii();
            in.readString(); // nonce
            KeyType type = certificate.keyType();
            java.security.PublicKey javaKey = PublicKeyCodec.readKeyFields(in, type);
            if (type.isSecurityKey()) {
                String application = new String(in.readString(1024), java.nio.charset.StandardCharsets.UTF_8);
                return new SecurityKeyPublicKey(type, javaKey, application);
            }
            return new StandardPublicKey(type, javaKey);
        } catch (SshProtocolException e) {
            return null;
        }
    }
}
