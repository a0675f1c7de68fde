package org.sshstack.wire;

import java.nio.charset.StandardCharsets;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_CHANNEL_OPEN_FAILURE (RFC 4254 §5.1): the recipient refused a channel open.
 *
 * @param recipientChannel the channel number the opener chose (uint32 bit pattern)
 * @param reasonCode the reason code (RFC 4254 §5.1: 1 administratively prohibited, 2 connect failed, 3 unknown
 *     channel type, 4 resource shortage; others may appear)
 * @param description a human-readable description (UTF-8), at most {@link #MAX_TEXT} bytes
 * @param languageTag the language tag (RFC 3066), usually empty
 */
public record ChannelOpenFailure(int recipientChannel, int reasonCode, String description, String languageTag) {

    /** Largest description or language tag accepted, in bytes. */
    public static final int MAX_TEXT = 8 * 1024;

    /** Checks the texts are present. */
    public ChannelOpenFailure {
        if (description == null || languageTag == null) {
            throw new IllegalArgumentException("description and language tag must not be null");
        }
    }

    /** @return the payload, first byte {@link MessageNumbers#CHANNEL_OPEN_FAILURE} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.CHANNEL_OPEN_FAILURE).writeUint32(recipientChannel & 0xffffffffL)
                .writeUint32(reasonCode & 0xffffffffL).writeString(description).writeString(languageTag)
                .toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message; a description that is not valid UTF-8 is decoded with replacement characters
     * @throws SshProtocolException if the payload is not a well-formed CHANNEL_OPEN_FAILURE
     */
    public static ChannelOpenFailure decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.CHANNEL_OPEN_FAILURE);
        int recipient = in.readRawInt();
        int reason = in.readRawInt();
        String description = new String(in.readString(MAX_TEXT), StandardCharsets.UTF_8);
        String language = new String(in.readString(MAX_TEXT), StandardCharsets.UTF_8);
        in.expectEnd();
        return new ChannelOpenFailure(recipient, reason, description, language);
    }
}
