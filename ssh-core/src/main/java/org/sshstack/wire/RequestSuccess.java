package org.sshstack.wire;

import java.util.Arrays;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_REQUEST_SUCCESS (RFC 4254 §4): the global request succeeded; the response-specific data (for example
 * the bound port of a "tcpip-forward" with port 0, RFC 4254 §7.1) follows undecoded.
 *
 * @param data the response-specific data: every byte after the message number (copied in and out)
 */
public record RequestSuccess(byte[] data) {

    /** Copies the data. */
    public RequestSuccess {
        data = data.clone();
    }

    /** A success with no response-specific data. */
    public RequestSuccess() {
        this(new byte[0]);
    }

    /** @return a copy of the response-specific data */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** @return the payload, first byte {@link MessageNumbers#REQUEST_SUCCESS} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.REQUEST_SUCCESS).writeBytes(data).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not a REQUEST_SUCCESS
     */
    public static RequestSuccess decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.REQUEST_SUCCESS);
        return new RequestSuccess(in.readBytes(in.remaining()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestSuccess that && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RequestSuccess[" + data.length + " data bytes]";
    }
}
