package org.sshstack.transport.kex;

import java.util.Arrays;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.SshReader;

/**
 * SSH_MSG_KEX_HYBRID_INIT (draft-ietf-sshm-mlkem-hybrid-kex-10 §2.1): {@code byte 30, string C_INIT} with
 * C_INIT = C_PK2 || C_PK1; sntrup761x25519-sha512 sends the same shape (OpenSSH kexsntrup761x25519.c).
 *
 * @param cInit the client's KEM public key then classical public value (copied in and out)
 */
public record KexHybridInit(byte[] cInit) {

    /** Copies and checks the value: 1..4096 bytes. */
    public KexHybridInit {
        cInit = Values.check(cInit, "C_INIT");
    }

    /** @return a copy of C_INIT */
    @Override
    public byte[] cInit() {
        return cInit.clone();
    }

    /** @return the payload, first byte {@link MessageNumbers#KEX_HYBRID_INIT} */
    public byte[] encode() {
        return KexPayloads.start(MessageNumbers.KEX_HYBRID_INIT).writeString(cInit).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed KEX_HYBRID_INIT
     */
    public static KexHybridInit decode(byte[] payload) throws SshProtocolException {
        SshReader in = KexPayloads.open(payload, MessageNumbers.KEX_HYBRID_INIT, "SSH_MSG_KEX_HYBRID_INIT");
        byte[] cInit = KexPayloads.readValue(in, "C_INIT");
        in.expectEnd();
        return new KexHybridInit(cInit);
    }

    /** @return whether the other object carries the same C_INIT */
    @Override
    public boolean equals(Object other) {
        return other instanceof KexHybridInit that && Arrays.equals(cInit, that.cInit);
    }

    /** @return a hash of C_INIT */
    @Override
    public int hashCode() {
        return Arrays.hashCode(cInit);
    }

    /** @return the value length */
    @Override
    public String toString() {
        return "KexHybridInit[C_INIT " + cInit.length + " bytes]";
    }
}
