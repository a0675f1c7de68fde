package org.sshstack.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_USERAUTH_INFO_REQUEST (RFC 4256 §3.2, number 60 while "keyboard-interactive" is in progress): a round of
 * prompts. The prompt count and every text field are bounded before anything is allocated (SECURITY.md B8).
 *
 * @param name the request name (peer text: strip control characters before display)
 * @param instruction the instruction text
 * @param languageTag the deprecated language tag, usually empty
 * @param prompts the prompts, at most {@link #MAX_PROMPTS}
 */
public record UserauthInfoRequest(String name, String instruction, String languageTag, List<Prompt> prompts) {

    /** Most prompts accepted in one request (RFC 4256 sets no limit; this bounds a hostile server). */
    public static final int MAX_PROMPTS = 64;
    /** Longest name, instruction or prompt accepted, in bytes. */
    public static final int MAX_TEXT = UserauthMethod.MAX_TEXT;

    /**
     * One prompt.
     *
     * @param prompt the prompt text
     * @param echo true when the answer may be shown as typed
     */
    public record Prompt(String prompt, boolean echo) {
        /** Requires the text. */
        public Prompt {
            Objects.requireNonNull(prompt, "prompt");
        }
    }

    /** Copies and bounds the prompts. */
    public UserauthInfoRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(languageTag, "languageTag");
        prompts = List.copyOf(prompts);
        if (prompts.size() > MAX_PROMPTS) {
            throw new IllegalArgumentException("at most " + MAX_PROMPTS + " prompts");
        }
    }

    /** @return the payload, first byte {@link MessageNumbers#USERAUTH_INFO_REQUEST} */
    public byte[] encode() {
        SshWriter out = Payloads.start(MessageNumbers.USERAUTH_INFO_REQUEST).writeString(name)
                .writeString(instruction).writeString(languageTag).writeUint32(prompts.size());
        for (Prompt prompt : prompts) {
            out.writeString(prompt.prompt()).writeBoolean(prompt.echo());
        }
        return out.toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is malformed or holds more than {@link #MAX_PROMPTS} prompts
     */
    public static UserauthInfoRequest decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.USERAUTH_INFO_REQUEST);
        String name = text(in);
        String instruction = text(in);
        String language = text(in);
        long count = in.readUint32();
        if (count > MAX_PROMPTS) {
            throw new SshProtocolException("USERAUTH_INFO_REQUEST with " + count + " prompts exceeds the cap of "
                    + MAX_PROMPTS);
        }
        List<Prompt> prompts = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            prompts.add(new Prompt(text(in), in.readBoolean()));
        }
        in.expectEnd();
        return new UserauthInfoRequest(name, instruction, language, prompts);
    }

    private static String text(SshReader in) throws SshProtocolException {
        return SshReader.decodeUtf8(in.readString(MAX_TEXT));
    }
}
