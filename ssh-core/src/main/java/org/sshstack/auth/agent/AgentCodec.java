package org.sshstack.auth.agent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;

/**
 * Encodes agent requests and strictly decodes replies (RFC 9987 §3). Sans-I/O; bodies exclude the length prefix
 * ({@link AgentFraming}). Every malformed reply becomes an {@link AgentException}; FAILURE replies become
 * {@link AgentFailureException}.
 */
public final class AgentCodec {

    /** Name of the query extension (RFC 9987 §3.8.1). */
    public static final String QUERY = "query";

    /** Smallest encoding of one identity: two empty strings. */
    private static final int MIN_ENTRY = 8;

    private AgentCodec() {
    }

    /** @return SSH_AGENTC_REQUEST_IDENTITIES (RFC 9987 §3.5) */
    public static byte[] requestIdentities() {
        return new byte[] {(byte) AgentMessage.REQUEST_IDENTITIES};
    }

    /**
     * @param keyBlob the key to sign with
     * @param data the data to sign
     * @param flags bitwise OR of {@code AgentMessage.FLAG_*}
     * @return SSH_AGENTC_SIGN_REQUEST (RFC 9987 §3.6)
     */
    public static byte[] signRequest(byte[] keyBlob, byte[] data, int flags) {
        return new SshWriter(16 + keyBlob.length + data.length).writeByte(AgentMessage.SIGN_REQUEST)
                .writeString(keyBlob).writeString(data).writeUint32(flags & 0xffffffffL).toByteArray();
    }

    /**
     * @param keyTypeAndData {@code string key type || byte[] key data}, as RFC 9987 §3.2.1-3.2.4 lay out per type
     * @param comment the comment to store with the key
     * @return SSH_AGENTC_ADD_IDENTITY (RFC 9987 §3.2); it holds private key material, so wipe it after sending
     */
    public static byte[] addIdentity(byte[] keyTypeAndData, String comment) {
        return new SshWriter(16 + keyTypeAndData.length).writeByte(AgentMessage.ADD_IDENTITY)
                .writeBytes(keyTypeAndData).writeString(comment).toByteArray();
    }

    /**
     * @param keyBlob the public key blob of the key to remove
     * @return SSH_AGENTC_REMOVE_IDENTITY (RFC 9987 §3.4)
     */
    public static byte[] removeIdentity(byte[] keyBlob) {
        return new SshWriter(8 + keyBlob.length).writeByte(AgentMessage.REMOVE_IDENTITY).writeString(keyBlob)
                .toByteArray();
    }

    /** @return SSH_AGENTC_REMOVE_ALL_IDENTITIES (RFC 9987 §3.4) */
    public static byte[] removeAllIdentities() {
        return new byte[] {(byte) AgentMessage.REMOVE_ALL_IDENTITIES};
    }

    /** @return SSH_AGENTC_EXTENSION "query" (RFC 9987 §3.8.1) */
    public static byte[] query() {
        return new SshWriter(16).writeByte(AgentMessage.EXTENSION).writeString(QUERY).toByteArray();
    }

    /**
     * @param reply a reply body
     * @return the entries of an SSH_AGENT_IDENTITIES_ANSWER, in the agent's order
     * @throws AgentException if the reply is a failure, of another type, malformed, or lists too many keys
     */
    public static List<AgentKeyEntry> decodeIdentities(byte[] reply) throws AgentException {
        SshReader in = open(reply, AgentMessage.IDENTITIES_ANSWER, "list identities");
        try {
            long count = in.readUint32();
            if (count > AgentMessage.MAX_IDENTITIES) {
                throw new AgentException("agent lists " + count + " keys, more than " + AgentMessage.MAX_IDENTITIES);
            }
            if (count * MIN_ENTRY > in.remaining()) {
                throw new AgentException("agent lists " + count + " keys but the reply is too short for them");
            }
            List<AgentKeyEntry> entries = new ArrayList<>((int) count);
            for (long i = 0; i < count; i++) {
                byte[] blob = in.readString();
                // comments are for display only: invalid UTF-8 is replaced rather than rejected
                entries.add(new AgentKeyEntry(blob, new String(in.readString(), StandardCharsets.UTF_8)));
            }
            in.expectEnd();
            return List.copyOf(entries);
        } catch (SshProtocolException e) {
            throw malformed("identities answer", e);
        }
    }

    /**
     * @param reply a reply body
     * @return the signature blob of an SSH_AGENT_SIGN_RESPONSE
     * @throws AgentException if the agent refused, or the reply is of another type or malformed
     */
    public static byte[] decodeSignResponse(byte[] reply) throws AgentException {
        SshReader in = open(reply, AgentMessage.SIGN_RESPONSE, "sign");
        try {
            byte[] signature = in.readString();
            in.expectEnd();
            return signature;
        } catch (SshProtocolException e) {
            throw malformed("sign response", e);
        }
    }

    /**
     * @param reply a reply body
     * @param request what was asked, for the error message
     * @throws AgentException unless the reply is exactly SSH_AGENT_SUCCESS
     */
    public static void decodeSuccess(byte[] reply, String request) throws AgentException {
        SshReader in = open(reply, AgentMessage.SUCCESS, request);
        if (in.hasRemaining()) {
            throw new AgentException("agent success reply to " + request + " has trailing bytes");
        }
    }

    /**
     * @param reply a reply body to the query extension
     * @return the extension names the agent supports
     * @throws AgentException if the agent does not support the query (failure) or the reply is malformed
     */
    public static List<String> decodeQuery(byte[] reply) throws AgentException {
        if (reply != null && reply.length > 0 && reply[0] == AgentMessage.EXTENSION_FAILURE) {
            throw new AgentFailureException("agent refused the query extension");
        }
        SshReader in = open(reply, AgentMessage.EXTENSION_RESPONSE, "query extensions");
        try {
            String type = in.readUtf8();
            if (!QUERY.equals(type)) {
                throw new AgentException("agent answered the query with extension " + printable(type));
            }
            List<String> names = new ArrayList<>();
            while (in.hasRemaining()) { // string[]: strings until the end of the message (RFC 9987 §3.8.1)
                names.add(in.readUtf8());
            }
            return List.copyOf(names);
        } catch (SshProtocolException e) {
            throw malformed("query response", e);
        }
    }

    private static SshReader open(byte[] reply, int expected, String request) throws AgentException {
        if (reply == null || reply.length == 0) {
            throw new AgentException("agent sent an empty reply to " + request);
        }
        int type = reply[0] & 0xff;
        if (type == AgentMessage.FAILURE) {
            throw new AgentFailureException("agent refused the request to " + request);
        }
        if (type != expected) {
            throw new AgentException("agent replied to " + request + " with message type " + type
                    + ", expected " + expected);
        }
        return new SshReader(reply, 1, reply.length - 1);
    }

    private static AgentException malformed(String what, SshProtocolException cause) {
        return new AgentException("malformed agent " + what + ": " + cause.getMessage(), cause);
    }

    /**
     * @param text text from the agent
     * @return a short, printable rendering for error messages
     */
    static String printable(String text) {
        String cut = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        StringBuilder out = new StringBuilder(cut.length());
        for (char c : cut.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }
}
