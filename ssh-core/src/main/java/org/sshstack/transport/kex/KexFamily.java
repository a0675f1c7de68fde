package org.sshstack.transport.kex;

import java.math.BigInteger;
import org.bouncycastle.util.BigIntegers;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.SshWriter;

/**
 * The wire families of key exchange: which records carry the ephemeral values and whether they travel (and are
 * hashed) as mpints or strings. Each family owns message numbers 30-49 while its method runs (RFC 4250 §4.1.2).
 */
public enum KexFamily {

    /** Fixed-group finite-field DH: KEXDH_INIT / KEXDH_REPLY, e and f as mpints (RFC 4253 §8, RFC 8268). */
    DH(MessageNumbers.KEXDH_INIT, MessageNumbers.KEXDH_REPLY),
    /** ECDH and curve25519: KEX_ECDH_INIT / KEX_ECDH_REPLY, Q_C and Q_S as strings (RFC 5656 §4, RFC 8731 §3). */
    ECDH(MessageNumbers.KEX_ECDH_INIT, MessageNumbers.KEX_ECDH_REPLY),
    /** PQ/T hybrids: KEX_HYBRID_INIT / KEX_HYBRID_REPLY, C_INIT and S_REPLY as strings (draft-ietf-sshm-mlkem-hybrid-kex-10 §2.1). */
    HYBRID(MessageNumbers.KEX_HYBRID_INIT, MessageNumbers.KEX_HYBRID_REPLY),
    /** DH group exchange: GEX_REQUEST, GEX_GROUP, then GEX_INIT / GEX_REPLY with e and f as mpints (RFC 4419 §3). */
    GEX(MessageNumbers.KEX_DH_GEX_INIT, MessageNumbers.KEX_DH_GEX_REPLY);

    private final int initNumber;
    private final int replyNumber;

    KexFamily(int initNumber, int replyNumber) {
        this.initNumber = initNumber;
        this.replyNumber = replyNumber;
    }

    /** @return the message number of the client's value message */
    public int initNumber() {
        return initNumber;
    }

    /** @return the message number of the server's reply */
    public int replyNumber() {
        return replyNumber;
    }

    /** @return true when e and f travel and are hashed as mpints; false for strings */
    public boolean mpintValues() {
        return this == DH || this == GEX;
    }

    /** The fields of a reply, whatever the family. */
    record Reply(byte[] hostKey, byte[] serverValue, byte[] signature) {
    }

    /** Encodes the client's value message; mpint values are given as unsigned magnitudes. */
    byte[] encodeInit(byte[] clientValue) {
        return switch (this) {
            case DH -> new KexDhInit(new BigInteger(1, clientValue)).encode();
            case GEX -> new GexInit(new BigInteger(1, clientValue)).encode();
            case ECDH -> new KexEcdhInit(clientValue).encode();
            case HYBRID -> new KexHybridInit(clientValue).encode();
        };
    }

    /** Decodes the client's value message; mpint values come back as unsigned magnitudes. */
    byte[] decodeInit(byte[] payload) throws SshProtocolException {
        return switch (this) {
            case DH -> BigIntegers.asUnsignedByteArray(KexDhInit.decode(payload).e());
            case GEX -> BigIntegers.asUnsignedByteArray(GexInit.decode(payload).e());
            case ECDH -> KexEcdhInit.decode(payload).qc();
            case HYBRID -> KexHybridInit.decode(payload).cInit();
        };
    }

    /** Encodes the server's reply. */
    byte[] encodeReply(byte[] hostKey, byte[] serverValue, byte[] signature) {
        return switch (this) {
            case DH -> new KexDhReply(hostKey, new BigInteger(1, serverValue), signature).encode();
            case GEX -> new GexReply(hostKey, new BigInteger(1, serverValue), signature).encode();
            case ECDH -> new KexEcdhReply(hostKey, serverValue, signature).encode();
            case HYBRID -> new KexHybridReply(hostKey, serverValue, signature).encode();
        };
    }

    /** Decodes the server's reply. */
    Reply decodeReply(byte[] payload) throws SshProtocolException {
        switch (this) {
            case DH -> {
                KexDhReply r = KexDhReply.decode(payload);
                return new Reply(r.hostKey(), BigIntegers.asUnsignedByteArray(r.f()), r.signature());
            }
            case GEX -> {
                GexReply r = GexReply.decode(payload);
                return new Reply(r.hostKey(), BigIntegers.asUnsignedByteArray(r.f()), r.signature());
            }
            case ECDH -> {
                KexEcdhReply r = KexEcdhReply.decode(payload);
                return new Reply(r.hostKey(), r.qs(), r.signature());
            }
            default -> {
                KexHybridReply r = KexHybridReply.decode(payload);
                return new Reply(r.hostKey(), r.sReply(), r.signature());
            }
        }
    }

    /** Writes a client or server value into the exchange-hash input as this family hashes it. */
    void writeValue(SshWriter out, byte[] value) {
        if (mpintValues()) {
            out.writeMpintMagnitude(value);
        } else {
            out.writeString(value);
        }
    }
}
