package org.sshstack.transport;

import java.util.ArrayList;
import java.util.List;
import org.sshstack.SshException;
import org.sshstack.transport.kex.HostKeyAlgorithms;
import org.sshstack.transport.kex.ServerHostKey;

/** Matches a server's host keys to host key algorithms: what it may offer and which key signs for an algorithm. */
final class HostKeyOffer {

    private HostKeyOffer() {
    }

    /**
     * What an engine offers for the given preferences: a client all of them; a server only the host key algorithms
     * it can sign with (an engine never negotiates one it cannot).
     *
     * @throws IllegalArgumentException if a server holds no key for any of the host key algorithms
     */
    static AlgorithmPreferences offerFor(Role role, List<ServerHostKey> keys, AlgorithmPreferences prefs) {
        if (role != Role.SERVER) {
            return prefs;
        }
        List<String> usable = new ArrayList<>();
        for (String algorithm : prefs.hostKeys()) {
            if (hostKeyFor(keys, algorithm) != null) {
                usable.add(algorithm);
            }
        }
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("no host key fits any of the host key algorithms " + prefs.hostKeys());
        }
        return new AlgorithmPreferences(prefs.kex(), usable, prefs.ciphers(), prefs.macs(), prefs.compression());
    }

    /** @return the first key that signs for {@code algorithm}, or null */
    static ServerHostKey hostKeyFor(List<ServerHostKey> keys, String algorithm) {
        for (ServerHostKey key : keys) {
            try {
                HostKeyAlgorithms.verificationKey(algorithm, key.publicKey());
                if (key.signer().keyTypeName().equals(HostKeyAlgorithms.signatureAlgorithm(algorithm).keyTypeName())) {
                    return key;
                }
            } catch (SshException e) {
                // this key does not fit the algorithm
            }
        }
        return null;
    }
}
