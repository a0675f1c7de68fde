package org.sshstack.transport.kex;

import java.util.Arrays;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.SshReader;

/**
 * SSH_MSG_KEX_ECDH_INIT (RFC 5656 §4): {@code byte 30, string Q_C}; also curve25519-sha256, where Q_C is the
 * 32-byte X25519 public value (RFC 8731 §3).
 *
 * @param qc the client's ephemeral public key octet string (copied in and out)
 */
public record KexEcdhInit(byte[] qc) {

    /** Copies and checks the value: 1..4096 bytes. */
    public KexEcdhInit {
        qc = Values.check(qc, "Q_C");
    }

    /** @return a copy of Q_C */
    @Override
    public byte[] qc() {
        return qc.clone();
    }

    /** @return the payload, first byte {@link MessageNumbers#KEX_ECDH_INIT} */
    public byte[] encode() {
        return KexPayloads.start(MessageNumbers.KEX_ECDH_INIT).writeString(qc).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed KEX_ECDH_INIT
     */
    public static KexEcdhInit decode(byte[] payload) throws SshProtocolException {
        SshReader in = KexPayloads.open(payload, MessageNumbers.KEX_ECDH_INIT, "SSH_MSG_KEX_ECDH_INIT");
        byte[] qc = KexPayloads.readValue(in, "Q_C");
        in.expectEnd();
        return new KexEcdhInit(qc);
    }

    /** @return whether the other object carries the same Q_C */
    @Override
    public boolean equals(Object other) {
        return other instanceof KexEcdhInit that && Arrays.equals(qc, that.qc);
    }

    /** @return a hash of Q_C */
    @Override
    public int hashCode() {
        return Arrays.hashCode(qc);
    }

    /** @return the value length */
    @Override
    public String toString() {
        return "KexEcdhInit[Q_C " + qc.length + " bytes]";
    }
}
