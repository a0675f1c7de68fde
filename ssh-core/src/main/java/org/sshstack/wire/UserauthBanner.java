package org.sshstack.wire;

import java.util.Objects;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_USERAUTH_BANNER (RFC 4252 §5.4): text the server wants shown before authentication completes.
 *
 * <p>The text comes from the peer: whoever displays it must strip terminal control characters.
 *
 * @param message the UTF-8 message
 * @param languageTag the RFC 3066 language tag, usually empty
 */
public record UserauthBanner(String message, String languageTag) {

    /** Longest banner accepted, in bytes. */
    public static final int MAX_MESSAGE = 64 * 1024;

    /** Requires the fields. */
    public UserauthBanner {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(languageTag, "languageTag");
    }

    /** @return the payload, first byte {@link MessageNumbers#USERAUTH_BANNER} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.USERAUTH_BANNER).writeString(message).writeString(languageTag)
                .toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed USERAUTH_BANNER
     */
    public static UserauthBanner decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.USERAUTH_BANNER);
        String message = SshReader.decodeUtf8(in.readString(MAX_MESSAGE));
        String language = SshReader.decodeUtf8(in.readString(UserauthMethod.MAX_TEXT));
        in.expectEnd();
        return new UserauthBanner(message, language);
    }
}
