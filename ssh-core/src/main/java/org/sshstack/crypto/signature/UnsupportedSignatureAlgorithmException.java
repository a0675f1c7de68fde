package org.sshstack.crypto.signature;

import org.sshstack.SshProtocolException;

/** A signature algorithm name this library does not implement (or an unknown name received from a peer). */
public class UnsupportedSignatureAlgorithmException extends SshProtocolException {

    private static final long serialVersionUID = 1L;

    private final String algorithmName;

    /** @param algorithmName the unknown wire name */
    public UnsupportedSignatureAlgorithmException(String algorithmName) {
        super("unsupported signature algorithm " + printable(algorithmName));
        this.algorithmName = algorithmName;
    }

    /** @return the unknown wire name, as given */
    public String algorithmName() {
        return algorithmName;
    }

    private static String printable(String name) {
        String shown = name.length() > 64 ? name.substring(0, 64) + "..." : name;
        return '"' + shown.replaceAll("[^\\x20-\\x7e]", "?") + '"';
    }
}
