package org.sshstack.wire;

import java.util.ArrayList;
import java.util.List;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_USERAUTH_INFO_RESPONSE (RFC 4256 §3.4): the answers to the prompts of the last INFO_REQUEST, in order.
 * {@code toString()} never shows the answers (they are usually passwords or one-time codes).
 *
 * @param responses the answers, at most {@link UserauthInfoRequest#MAX_PROMPTS}
 */
public record UserauthInfoResponse(List<String> responses) {

    /** Copies and bounds the answers. */
    public UserauthInfoResponse {
        responses = List.copyOf(responses);
        if (responses.size() > UserauthInfoRequest.MAX_PROMPTS) {
            throw new IllegalArgumentException("at most " + UserauthInfoRequest.MAX_PROMPTS + " responses");
        }
    }

    /** @return the payload, first byte {@link MessageNumbers#USERAUTH_INFO_RESPONSE} */
    public byte[] encode() {
        SshWriter out = Payloads.start(MessageNumbers.USERAUTH_INFO_RESPONSE).writeUint32(responses.size());
        responses.forEach(out::writeString);
        return out.toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is malformed or holds too many answers
     */
    public static UserauthInfoResponse decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.USERAUTH_INFO_RESPONSE);
        long count = in.readUint32();
        if (count > UserauthInfoRequest.MAX_PROMPTS) {
            throw new SshProtocolException("USERAUTH_INFO_RESPONSE with " + count + " answers exceeds the cap of "
                    + UserauthInfoRequest.MAX_PROMPTS);
        }
        List<String> responses = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            responses.add(SshReader.decodeUtf8(in.readString(UserauthMethod.MAX_PASSWORD)));
        }
        in.expectEnd();
        return new UserauthInfoResponse(responses);
    }

    @Override
    public String toString() {
        return "UserauthInfoResponse[" + responses.size() + " answers]";
    }
}
