package org.sshstack.wire;

import java.util.List;

/**
 * The ten algorithm name-lists of SSH_MSG_KEXINIT (RFC 4253 §7.1), in wire order. Each list is ordered by
 * preference, most preferred first.
 *
 * @param kexAlgorithms key exchange methods, plus any pseudo-algorithm markers (ext-info-c, kex-strict-*)
 * @param serverHostKeyAlgorithms host key (signature) algorithms
 * @param ciphersClientToServer encryption algorithms, client to server
 * @param ciphersServerToClient encryption algorithms, server to client
 * @param macsClientToServer MAC algorithms, client to server
 * @param macsServerToClient MAC algorithms, server to client
 * @param compressionClientToServer compression algorithms, client to server
 * @param compressionServerToClient compression algorithms, server to client
 * @param languagesClientToServer language tags, client to server (normally empty)
 * @param languagesServerToClient language tags, server to client (normally empty)
 */
public record KexProposal(
        List<String> kexAlgorithms,
        List<String> serverHostKeyAlgorithms,
        List<String> ciphersClientToServer,
        List<String> ciphersServerToClient,
        List<String> macsClientToServer,
        List<String> macsServerToClient,
        List<String> compressionClientToServer,
        List<String> compressionServerToClient,
        List<String> languagesClientToServer,
        List<String> languagesServerToClient) {

    /** Copies every list (immutable, no nulls). */
    public KexProposal {
        kexAlgorithms = List.copyOf(kexAlgorithms);
        serverHostKeyAlgorithms = List.copyOf(serverHostKeyAlgorithms);
        ciphersClientToServer = List.copyOf(ciphersClientToServer);
        ciphersServerToClient = List.copyOf(ciphersServerToClient);
        macsClientToServer = List.copyOf(macsClientToServer);
        macsServerToClient = List.copyOf(macsServerToClient);
        compressionClientToServer = List.copyOf(compressionClientToServer);
        compressionServerToClient = List.copyOf(compressionServerToClient);
        languagesClientToServer = List.copyOf(languagesClientToServer);
        languagesServerToClient = List.copyOf(languagesServerToClient);
    }

    /**
     * A proposal that offers the same lists in both directions and no languages.
     *
     * @param kex key exchange methods and markers
     * @param hostKeys host key algorithms
     * @param ciphers encryption algorithms
     * @param macs MAC algorithms
     * @param compression compression algorithms
     * @return the proposal
     */
    public static KexProposal symmetric(List<String> kex, List<String> hostKeys, List<String> ciphers,
            List<String> macs, List<String> compression) {
        return new KexProposal(kex, hostKeys, ciphers, ciphers, macs, macs, compression, compression,
                List.of(), List.of());
    }

    /** @return the ten lists in wire order */
    public List<List<String>> lists() {
        return List.of(kexAlgorithms, serverHostKeyAlgorithms, ciphersClientToServer, ciphersServerToClient,
                macsClientToServer, macsServerToClient, compressionClientToServer, compressionServerToClient,
                languagesClientToServer, languagesServerToClient);
    }
}
