package org.sshstack.keys.openssh;

import java.util.Objects;
import java.util.Optional;
import org.sshstack.keys.SshKeyPair;

/**
 * One key read from (or to be written to) an openssh-key-v1 file: the key pair and, for a FIDO security key,
 * the token data the file keeps instead of a private key ({@link SshKeyPair#privateKey()} is then null).
 *
 * @param keyPair the key pair with its comment
 * @param securityKey the security-key data, present exactly for sk-* key types
 */
public record OpenSshPrivateKey(SshKeyPair keyPair, Optional<SecurityKeyHandle> securityKey) {

    /** Requires both components (use {@link Optional#empty()} for ordinary keys). */
    public OpenSshPrivateKey {
        Objects.requireNonNull(keyPair, "keyPair");
        Objects.requireNonNull(securityKey, "securityKey");
    }

    /**
     * @param keyPair an ordinary key pair (not a security key)
     * @return it, with no security-key data
     */
    public static OpenSshPrivateKey of(SshKeyPair keyPair) {
        return new OpenSshPrivateKey(keyPair, Optional.empty());
    }
}
