package org.sshstack.keys;

/**
 * One private key file format that {@link KeyFiles#readPrivateKey} can dispatch to (openssh-key-v1 today; PEM
 * and PuTTY formats plug in the same way). Implementations are stateless and thread-safe.
 */
public interface PrivateKeyFileFormat {

    /** @return a short name for messages, e.g. {@code openssh-key-v1} */
    String name();

    /**
     * @param text the file contents
     * @return true if this format claims the file (cheap: looks at the armor only)
     */
    boolean recognizes(String text);

    /**
     * @param text the file contents
     * @param passphrase the passphrase, or null; not wiped
     * @return the key pair
     * @throws KeyFileException (or a subclass) if it cannot be read
     */
    SshKeyPair read(String text, char[] passphrase) throws KeyFileException;
}
