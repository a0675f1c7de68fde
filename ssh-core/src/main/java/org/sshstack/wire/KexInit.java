package org.sshstack.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_KEXINIT (RFC 4253 §7.1): a random cookie, the ten algorithm name-lists, first_kex_packet_follows and the
 * reserved uint32.
 *
 * <p>A class rather than a record because it also keeps the exact payload bytes: I_C and I_S in the exchange hash
 * (RFC 4253 §8) are the payloads as sent, and re-encoding a received message need not reproduce them (a boolean
 * may arrive as any non-zero byte, the reserved field as any value). Decoding caps each list at
 * {@link #MAX_NAMES_PER_LIST} names (Erlang CVE-2025-48040) on top of the 64 KiB name-list cap.
 */
public final class KexInit {

    /** Length of the cookie (RFC 4253 §7.1: byte[16]). */
    public static final int COOKIE_LENGTH = 16;

    /** Most names accepted in one name-list of a peer's KEXINIT (SECURITY.md §6.2). */
    public static final int MAX_NAMES_PER_LIST = 128;

    private final byte[] cookie;
    private final KexProposal proposal;
    private final boolean firstKexPacketFollows;
    private final long reserved;
    private final byte[] payload;

    private KexInit(byte[] cookie, KexProposal proposal, boolean follows, long reserved, byte[] payload) {
        this.cookie = cookie;
        this.proposal = proposal;
        this.firstKexPacketFollows = follows;
        this.reserved = reserved;
        this.payload = payload;
    }

    /**
     * Builds our own KEXINIT, reserved field 0.
     *
     * @param cookie 16 random bytes from the caller's random source
     * @param proposal the name-lists
     * @param firstKexPacketFollows whether a guessed key exchange packet follows
     * @return the message with its payload encoded
     * @throws IllegalArgumentException if the cookie is not 16 bytes
     */
    public static KexInit create(byte[] cookie, KexProposal proposal, boolean firstKexPacketFollows) {
        if (cookie.length != COOKIE_LENGTH) {
            throw new IllegalArgumentException("the KEXINIT cookie must be 16 bytes");
        }
        Objects.requireNonNull(proposal, "proposal");
        SshWriter out = Payloads.start(MessageNumbers.KEXINIT).writeBytes(cookie);
        for (List<String> list : proposal.lists()) {
            out.writeNameList(list);
        }
        byte[] payload = out.writeBoolean(firstKexPacketFollows).writeUint32(0).toByteArray();
        return new KexInit(cookie.clone(), proposal, firstKexPacketFollows, 0, payload);
    }

    /**
     * @param payload a whole payload, kept byte for byte
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed KEXINIT within the caps
     */
    public static KexInit decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.KEXINIT);
        byte[] cookie = in.readBytes(COOKIE_LENGTH);
        List<List<String>> lists = new ArrayList<>(10);
        for (int i = 0; i < 10; i++) {
            lists.add(readCappedNameList(in));
        }
        boolean follows = in.readBoolean();
        long reserved = in.readUint32();
        in.expectEnd();
        KexProposal proposal = new KexProposal(lists.get(0), lists.get(1), lists.get(2), lists.get(3),
                lists.get(4), lists.get(5), lists.get(6), lists.get(7), lists.get(8), lists.get(9));
        return new KexInit(cookie, proposal, follows, reserved, payload.clone());
    }

    private static List<String> readCappedNameList(SshReader in) throws SshProtocolException {
        List<String> names = in.readNameList();
        if (names.size() > MAX_NAMES_PER_LIST) {
            throw new SshProtocolException("KEXINIT name-list has " + names.size() + " names, the cap is "
                    + MAX_NAMES_PER_LIST);
        }
        return names;
    }

    /** @return a copy of the 16-byte cookie */
    public byte[] cookie() {
        return cookie.clone();
    }

    /** @return the ten name-lists */
    public KexProposal proposal() {
        return proposal;
    }

    /** @return whether a guessed key exchange packet follows (RFC 4253 §7) */
    public boolean firstKexPacketFollows() {
        return firstKexPacketFollows;
    }

    /** @return the reserved uint32 as sent (0 from conforming peers; not checked, RFC 4253 §7.1) */
    public long reserved() {
        return reserved;
    }

    /** @return a copy of the exact payload bytes, for I_C / I_S in the exchange hash (RFC 4253 §8) */
    public byte[] encode() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KexInit that && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "KexInit[cookie=" + HexFormat.of().formatHex(cookie) + ", " + proposal
                + ", firstKexPacketFollows=" + firstKexPacketFollows + ", reserved=" + reserved + "]";
    }
}
