package org.sshstack.wire;

import java.util.List;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_USERAUTH_FAILURE (RFC 4252 §5.1): the methods that can continue and the partial-success flag.
 *
 * @param methods the authentications that can continue, in the server's order
 * @param partialSuccess true when the request succeeded but more authentication is needed
 */
public record UserauthFailure(List<String> methods, boolean partialSuccess) {

    /** Copies and validates the names. */
    public UserauthFailure {
        methods = List.copyOf(methods);
        methods.forEach(m -> Payloads.requireName(m, "method name"));
    }

    /** @return the payload, first byte {@link MessageNumbers#USERAUTH_FAILURE} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.USERAUTH_FAILURE).writeNameList(methods).writeBoolean(partialSuccess)
                .toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed USERAUTH_FAILURE
     */
    public static UserauthFailure decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.USERAUTH_FAILURE);
        List<String> methods = in.readNameList();
        boolean partial = in.readBoolean();
        in.expectEnd();
        for (String method : methods) {
            if (!Payloads.isValidName(method)) {
                throw new SshProtocolException("method name longer than 64 characters in USERAUTH_FAILURE");
            }
        }
        return new UserauthFailure(methods, partial);
    }
}
