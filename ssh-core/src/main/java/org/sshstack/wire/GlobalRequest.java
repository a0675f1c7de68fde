package org.sshstack.wire;

import java.util.Arrays;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_GLOBAL_REQUEST (RFC 4254 §4): a named request not tied to a channel, with request-specific data.
 *
 * @param requestName the request name, e.g. "tcpip-forward" or "keepalive@openssh.com"
 * @param wantReply whether the sender expects REQUEST_SUCCESS or REQUEST_FAILURE
 * @param data the request-specific data: every byte after want_reply, undecoded (copied in and out)
 */
public record GlobalRequest(String requestName, boolean wantReply, byte[] data) {

    /** Validates the name and copies the data. */
    public GlobalRequest {
        Payloads.requireName(requestName, "request name");
        data = data.clone();
    }

    /** @return a copy of the request-specific data */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** @return the payload, first byte {@link MessageNumbers#GLOBAL_REQUEST} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.GLOBAL_REQUEST).writeString(requestName).writeBoolean(wantReply)
                .writeBytes(data).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not a well-formed GLOBAL_REQUEST
     */
    public static GlobalRequest decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.GLOBAL_REQUEST);
        String name = Payloads.readName(in, "request name");
        boolean wantReply = in.readBoolean();
        byte[] data = in.readBytes(in.remaining());
        return new GlobalRequest(name, wantReply, data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GlobalRequest that && requestName.equals(that.requestName)
                && wantReply == that.wantReply && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return (requestName.hashCode() * 31 + Boolean.hashCode(wantReply)) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "GlobalRequest[" + requestName + ", wantReply=" + wantReply + ", " + data.length + " data bytes]";
    }
}
