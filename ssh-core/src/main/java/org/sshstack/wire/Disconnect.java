package org.sshstack.wire;

import java.util.Objects;
import org.sshstack.DisconnectReason;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_DISCONNECT (RFC 4253 §11.1): the reason code, a human-readable description and a language tag.
 *
 * <p>The description comes from the peer: whoever displays it must strip terminal control characters.
 *
 * @param reasonCode the uint32 reason code as sent (may be a code the RFC does not define)
 * @param description the UTF-8 description
 * @param languageTag the RFC 3066 language tag, usually empty
 */
public record Disconnect(long reasonCode, String description, String languageTag) {

    /** Validates the fields. */
    public Disconnect {
        Payloads.requireUint32(reasonCode, "reason code");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(languageTag, "languageTag");
    }

    /**
     * @param reason the reason
     * @param description the description
     */
    public Disconnect(DisconnectReason reason, String description) {
        this(reason.code(), description, "");
    }

    /** @return the reason for the code, {@link DisconnectReason#PROTOCOL_ERROR} for a code the RFC does not define */
    public DisconnectReason reason() {
        return reasonCode > Integer.MAX_VALUE ? DisconnectReason.PROTOCOL_ERROR
                : DisconnectReason.fromCode((int) reasonCode);
    }

    /** @return the payload, first byte {@link MessageNumbers#DISCONNECT} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.DISCONNECT).writeUint32(reasonCode).writeString(description)
                .writeString(languageTag).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed DISCONNECT
     */
    public static Disconnect decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.DISCONNECT);
        long code = in.readUint32();
        String description = in.readUtf8();
        String language = in.readUtf8();
        in.expectEnd();
        return new Disconnect(code, description, language);
    }
}
