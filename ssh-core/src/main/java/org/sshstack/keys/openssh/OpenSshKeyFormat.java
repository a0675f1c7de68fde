package org.sshstack.keys.openssh;

import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.KeyReadLimits;
import org.sshstack.keys.PrivateKeyFileFormat;
import org.sshstack.keys.SshKeyPair;

/** The openssh-key-v1 format as a {@link PrivateKeyFileFormat}, for {@code KeyFiles} dispatch. */
public final class OpenSshKeyFormat implements PrivateKeyFileFormat {

    private final OpenSshPrivateKeyReader reader;

    /** With the default KDF round cap. */
    public OpenSshKeyFormat() {
        this(new OpenSshPrivateKeyReader());
    }

    /** @param limits the cost caps (only {@link KeyReadLimits#maxBcryptRounds()} applies to this format) */
    public OpenSshKeyFormat(KeyReadLimits limits) {
        this(new OpenSshPrivateKeyReader(limits.maxBcryptRounds()));
    }

    /** @param reader the reader to use (e.g. with a different round cap) */
    public OpenSshKeyFormat(OpenSshPrivateKeyReader reader) {
        this.reader = reader;
    }

    @Override
    public String name() {
        return "openssh-key-v1";
    }

    @Override
    public boolean recognizes(String text) {
        return OpenSshPrivateKeyReader.recognizes(text);
    }

    @Override
    public SshKeyPair read(String text, char[] passphrase) throws KeyFileException {
        return reader.readKeyPair(text, passphrase);
    }
}
