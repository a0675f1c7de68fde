package org.sshstack.wire;

import java.util.Objects;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_USERAUTH_PASSWD_CHANGEREQ (RFC 4252 §8, number 60 while "password" is in progress): the password has
 * expired and the client should send a new one.
 *
 * @param prompt the server's prompt (peer text: strip control characters before display)
 * @param languageTag the RFC 3066 language tag, usually empty
 */
public record UserauthPasswdChangereq(String prompt, String languageTag) {

    /** Requires the fields. */
    public UserauthPasswdChangereq {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(languageTag, "languageTag");
    }

    /** @return the payload, first byte {@link MessageNumbers#USERAUTH_PASSWD_CHANGEREQ} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.USERAUTH_PASSWD_CHANGEREQ).writeString(prompt).writeString(languageTag)
                .toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed USERAUTH_PASSWD_CHANGEREQ
     */
    public static UserauthPasswdChangereq decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.USERAUTH_PASSWD_CHANGEREQ);
        String prompt = SshReader.decodeUtf8(in.readString(UserauthMethod.MAX_TEXT));
        String language = SshReader.decodeUtf8(in.readString(UserauthMethod.MAX_TEXT));
        in.expectEnd();
        return new UserauthPasswdChangereq(prompt, language);
    }
}
