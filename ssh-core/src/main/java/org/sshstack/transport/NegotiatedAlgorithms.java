package org.sshstack.transport;

import java.util.Objects;

/**
 * The outcome of KEXINIT negotiation (RFC 4253 §7.1), plus what the pseudo-algorithm markers and the guess flags
 * say. The markers only count in the initial key exchange (RFC 8308 §2.1, draft-ietf-sshm-strict-kex §3.1): the
 * engine ignores them on rekey.
 *
 * @param kex the key exchange method
 * @param hostKey the server host key algorithm
 * @param clientToServer cipher, MAC, compression and language from client to server
 * @param serverToClient cipher, MAC, compression and language from server to client
 * @param clientOfferedExtInfo the client listed ext-info-c (RFC 8308 §2.1)
 * @param serverOfferedExtInfo the server listed ext-info-s
 * @param clientOfferedStrictKex the client listed kex-strict-c-v00@openssh.com or kex-strict-c
 * @param serverOfferedStrictKex the server listed kex-strict-s-v00@openssh.com or kex-strict-s
 * @param strictKex strict kex is on: both sides listed the same form of the marker (draft §3.1)
 * @param clientGuessFollows the client's first_kex_packet_follows
 * @param serverGuessFollows the server's first_kex_packet_follows
 * @param guessMatches both sides list the same first kex method and the same first host key algorithm (RFC 4253 §7)
 */
public record NegotiatedAlgorithms(
        String kex,
        String hostKey,
        DirectionAlgorithms clientToServer,
        DirectionAlgorithms serverToClient,
        boolean clientOfferedExtInfo,
        boolean serverOfferedExtInfo,
        boolean clientOfferedStrictKex,
        boolean serverOfferedStrictKex,
        boolean strictKex,
        boolean clientGuessFollows,
        boolean serverGuessFollows,
        boolean guessMatches) {

    /** Checks no field is null. */
    public NegotiatedAlgorithms {
        Objects.requireNonNull(kex, "kex");
        Objects.requireNonNull(hostKey, "hostKey");
        Objects.requireNonNull(clientToServer, "clientToServer");
        Objects.requireNonNull(serverToClient, "serverToClient");
    }

    /**
     * RFC 4253 §7: "If the other party's guess was wrong, and this field was TRUE, the next packet MUST be silently
     * ignored".
     *
     * @param sender the side whose next packet is in question
     * @return true when that side sent a guessed kex packet that must be dropped
     */
    public boolean ignoreGuessedPacketFrom(Role sender) {
        boolean follows = sender == Role.CLIENT ? clientGuessFollows : serverGuessFollows;
        return follows && !guessMatches;
    }

    /**
     * @param role a side
     * @return the algorithms of the direction that side sends in
     */
    public DirectionAlgorithms sentBy(Role role) {
        return role == Role.CLIENT ? clientToServer : serverToClient;
    }
}
