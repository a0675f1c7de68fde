package org.sshstack.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sshstack.SshException;
import org.sshstack.wire.KexInit;
import org.sshstack.wire.KexProposal;

/**
 * Chooses the algorithms of a key exchange from the client's and the server's KEXINIT (RFC 4253 §7.1): in every
 * category the first name on the client's list that the server also lists. Pseudo-algorithm markers are dropped
 * from every list first, so they can never be chosen (RFC 8308 §2.2); an AEAD cipher makes the MAC list irrelevant
 * for its direction (draft-miller-sshm-aes-gcm §2). Stateless.
 */
public final class AlgorithmNegotiator {

    private AlgorithmNegotiator() {
    }

    /**
     * Negotiates with the {@link HostKeyCompatibility#STANDARD} compatibility rule.
     *
     * @param client the client's KEXINIT
     * @param server the server's KEXINIT
     * @return the chosen algorithms and flags
     * @throws NoCommonAlgorithmException if a category has no common algorithm
     */
    public static NegotiatedAlgorithms negotiate(KexInit client, KexInit server) throws SshException {
        return negotiate(client, server, HostKeyCompatibility.STANDARD);
    }

    /**
     * @param client the client's KEXINIT
     * @param server the server's KEXINIT
     * @param compatibility which kex methods work with which host key algorithms
     * @return the chosen algorithms and flags
     * @throws NoCommonAlgorithmException if a category has no common algorithm
     */
    public static NegotiatedAlgorithms negotiate(KexInit client, KexInit server, HostKeyCompatibility compatibility)
            throws SshException {
        KexProposal c = client.proposal();
        KexProposal s = server.proposal();
        List<String> clientHostKeys = real(c.serverHostKeyAlgorithms());
        List<String> serverHostKeys = real(s.serverHostKeyAlgorithms());
        String kex = chooseKex(real(c.kexAlgorithms()), real(s.kexAlgorithms()), clientHostKeys, serverHostKeys,
                compatibility);
        String hostKey = chooseHostKey(kex, clientHostKeys, serverHostKeys, compatibility);
        DirectionAlgorithms c2s = direction("client-to-server", c.ciphersClientToServer(), s.ciphersClientToServer(),
                c.macsClientToServer(), s.macsClientToServer(), c.compressionClientToServer(),
                s.compressionClientToServer(), c.languagesClientToServer(), s.languagesClientToServer());
        DirectionAlgorithms s2c = direction("server-to-client", c.ciphersServerToClient(), s.ciphersServerToClient(),
                c.macsServerToClient(), s.macsServerToClient(), c.compressionServerToClient(),
                s.compressionServerToClient(), c.languagesServerToClient(), s.languagesServerToClient());
        return withFlags(client, server, kex, hostKey, c2s, s2c);
    }

    // RFC 8308 §2.1 and draft-ietf-sshm-strict-kex §3.1: markers are read from the lists as sent; strict kex needs
    // the same form (standard or pre-standard) on both sides.
    private static NegotiatedAlgorithms withFlags(KexInit client, KexInit server, String kex, String hostKey,
            DirectionAlgorithms c2s, DirectionAlgorithms s2c) {
        List<String> ck = client.proposal().kexAlgorithms();
        List<String> sk = server.proposal().kexAlgorithms();
        boolean strictV00 = ck.contains(AlgorithmNames.KEX_STRICT_C_V00) && sk.contains(AlgorithmNames.KEX_STRICT_S_V00);
        boolean strictStd = ck.contains(AlgorithmNames.KEX_STRICT_C) && sk.contains(AlgorithmNames.KEX_STRICT_S);
        return new NegotiatedAlgorithms(kex, hostKey, c2s, s2c,
                ck.contains(AlgorithmNames.EXT_INFO_C), sk.contains(AlgorithmNames.EXT_INFO_S),
                ck.contains(AlgorithmNames.KEX_STRICT_C_V00) || ck.contains(AlgorithmNames.KEX_STRICT_C),
                sk.contains(AlgorithmNames.KEX_STRICT_S_V00) || sk.contains(AlgorithmNames.KEX_STRICT_S),
                strictV00 || strictStd, client.firstKexPacketFollows(), server.firstKexPacketFollows(),
                guessMatches(client.proposal(), server.proposal()));
    }

    /**
     * RFC 4253 §7: a guess is right when both sides prefer the same kex method and the same host key algorithm,
     * compared on the lists as sent.
     *
     * @param client the client's lists
     * @param server the server's lists
     * @return true when the first kex and first host key names agree
     */
    public static boolean guessMatches(KexProposal client, KexProposal server) {
        return sameFirst(client.kexAlgorithms(), server.kexAlgorithms())
                && sameFirst(client.serverHostKeyAlgorithms(), server.serverHostKeyAlgorithms());
    }

    private static boolean sameFirst(List<String> a, List<String> b) {
        return !a.isEmpty() && !b.isEmpty() && a.get(0).equals(b.get(0));
    }

    // RFC 4253 §7.1 kex_algorithms: the first client method the server supports for which a host key algorithm
    // both sides support is compatible.
    private static String chooseKex(List<String> clientKex, List<String> serverKex, List<String> clientHostKeys,
            List<String> serverHostKeys, HostKeyCompatibility compatibility) throws NoCommonAlgorithmException {
        boolean anyCommon = false;
        for (String kex : clientKex) {
            if (serverKex.contains(kex)) {
                anyCommon = true;
                if (hasCompatibleHostKey(kex, clientHostKeys, serverHostKeys, compatibility)) {
                    return kex;
                }
            }
        }
        if (!anyCommon) {
            throw new NoCommonAlgorithmException("key exchange", clientKex, serverKex, "");
        }
        if (firstCommon(clientHostKeys, serverHostKeys).isEmpty()) {
            throw new NoCommonAlgorithmException("host key", clientHostKeys, serverHostKeys, "");
        }
        throw new NoCommonAlgorithmException("key exchange", clientKex, serverKex, " that works with a host key "
                + "algorithm both sides list (client host keys " + clientHostKeys + ", server host keys "
                + serverHostKeys + ")");
    }

    private static boolean hasCompatibleHostKey(String kex, List<String> clientHostKeys, List<String> serverHostKeys,
            HostKeyCompatibility compatibility) {
        for (String hostKey : serverHostKeys) {
            if (clientHostKeys.contains(hostKey) && compatibility.compatible(kex, hostKey)) {
                return true;
            }
        }
        return false;
    }

    // RFC 4253 §7.1 server_host_key_algorithms: the first client algorithm the server supports that suits the kex.
    private static String chooseHostKey(String kex, List<String> clientHostKeys, List<String> serverHostKeys,
            HostKeyCompatibility compatibility) throws NoCommonAlgorithmException {
        for (String hostKey : clientHostKeys) {
            if (serverHostKeys.contains(hostKey) && compatibility.compatible(kex, hostKey)) {
                return hostKey;
            }
        }
        throw new NoCommonAlgorithmException("host key", clientHostKeys, serverHostKeys, " for " + kex);
    }

    private static DirectionAlgorithms direction(String direction, List<String> clientCiphers,
            List<String> serverCiphers, List<String> clientMacs, List<String> serverMacs,
            List<String> clientCompression, List<String> serverCompression, List<String> clientLanguages,
            List<String> serverLanguages) throws NoCommonAlgorithmException {
        String cipher = required("cipher " + direction, clientCiphers, serverCiphers);
        Optional<String> mac = AlgorithmNames.isAead(cipher) ? Optional.empty()
                : Optional.of(required("MAC " + direction, clientMacs, serverMacs));
        String compression = required("compression " + direction, clientCompression, serverCompression);
        Optional<String> language = firstCommon(real(clientLanguages), real(serverLanguages));
        return new DirectionAlgorithms(cipher, mac, compression, language);
    }

    private static String required(String category, List<String> client, List<String> server)
            throws NoCommonAlgorithmException {
        List<String> clientReal = real(client);
        List<String> serverReal = real(server);
        Optional<String> chosen = firstCommon(clientReal, serverReal);
        if (chosen.isEmpty()) {
            throw new NoCommonAlgorithmException(category, clientReal, serverReal, "");
        }
        return chosen.get();
    }

    private static Optional<String> firstCommon(List<String> client, List<String> server) {
        for (String name : client) {
            if (server.contains(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static List<String> real(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String name : names) {
            if (!AlgorithmNames.isPseudo(name)) {
                out.add(name);
            }
        }
        return out;
    }
}
