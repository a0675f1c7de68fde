package org.sshstack.keys.putty;

import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.KeyReadLimits;
import org.sshstack.keys.PrivateKeyFileFormat;
import org.sshstack.keys.SshKeyPair;

/** PuTTY's PPK v2 and v3 private key files as a {@link PrivateKeyFileFormat}. */
public final class PuttyKeyFormat implements PrivateKeyFileFormat {

    private final KeyReadLimits limits;

    /** With {@link KeyReadLimits#DEFAULTS}. */
    public PuttyKeyFormat() {
        this(KeyReadLimits.DEFAULTS);
    }

    /** @param limits the cost caps applied to every file read */
    public PuttyKeyFormat(KeyReadLimits limits) {
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
    }

    @Override
    public String name() {
        return "PuTTY PPK";
    }

    @Override
    public boolean recognizes(String text) {
        return PuttyKeys.isPpk(text);
    }

    @Override
    public SshKeyPair read(String text, char[] passphrase) throws KeyFileException {
        return PuttyKeys.read(text, passphrase, limits);
    }
}
