package org.sshstack.transport;

import org.sshstack.keys.SshPublicKey;

/**
 * INSECURE: accepts every host key, so a man in the middle goes unnoticed. For tests only; never use it against a
 * real network.
 */
public final class InsecureAcceptAllHostKeys implements HostKeyVerifier {

    /** The single instance. */
    public static final InsecureAcceptAllHostKeys INSTANCE = new InsecureAcceptAllHostKeys();

    private InsecureAcceptAllHostKeys() {
    }

    /** Accepts the key without looking at it. */
    @Override
    public void verify(String host, int port, SshPublicKey hostKey) {
        // deliberately empty: insecure, tests only
    }

    @Override
    public String toString() {
        return "InsecureAcceptAllHostKeys";
    }
}
