package org.sshstack.keys.pem;

import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.KeyReadLimits;
import org.sshstack.keys.PrivateKeyFileFormat;
import org.sshstack.keys.SshKeyPair;

/** The PEM private key formats (PKCS#1, SEC1, PKCS#8, legacy encrypted PEM) as a {@link PrivateKeyFileFormat}. */
public final class PemKeyFormat implements PrivateKeyFileFormat {

    private final KeyReadLimits limits;

    /** With {@link KeyReadLimits#DEFAULTS}. */
    public PemKeyFormat() {
        this(KeyReadLimits.DEFAULTS);
    }

    /** @param limits the cost caps applied to every file read */
    public PemKeyFormat(KeyReadLimits limits) {
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
    }

    @Override
    public String name() {
        return "PEM";
    }

    @Override
    public boolean recognizes(String text) {
        return PemKeys.isPem(text);
    }

    @Override
    public SshKeyPair read(String text, char[] passphrase) throws KeyFileException {
        return PemKeys.read(text, passphrase, limits);
    }
}
