package org.sshstack.wire;

import java.util.Objects;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_DEBUG (RFC 4253 §11.3): a diagnostic message the peer may ask us to display.
 *
 * <p>The message comes from the peer: whoever displays it must strip terminal control characters.
 *
 * @param alwaysDisplay whether the sender asks for the message to be shown
 * @param message the UTF-8 message
 * @param languageTag the RFC 3066 language tag, usually empty
 */
public record Debug(boolean alwaysDisplay, String message, String languageTag) {

    /** Validates the fields. */
    public Debug {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(languageTag, "languageTag");
    }

    /** @return the payload, first byte {@link MessageNumbers#DEBUG} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.DEBUG).writeBoolean(alwaysDisplay).writeString(message)
                .writeString(languageTag).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed DEBUG
     */
    public static Debug decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.DEBUG);
        boolean always = in.readBoolean();
        String message = in.readUtf8();
        String language = in.readUtf8();
        in.expectEnd();
        return new Debug(always, message, language);
    }
}
