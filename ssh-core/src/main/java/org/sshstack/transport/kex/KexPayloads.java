package org.sshstack.transport.kex;

import java.math.BigInteger;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;
import org.sshstack.wire.WireLimits;

/** Shared strict-decoding helpers for the kex message records (message numbers 30-49, RFC 4250 §4.1.2). */
final class KexPayloads {

    /**
     * Longest ephemeral value accepted in a string field: the largest real one is an ML-KEM-768 C_INIT of
     * 1216 bytes (draft-ietf-sshm-mlkem-hybrid-kex-10 §2.3.3); an EC point is at most 133 bytes.
     */
    static final int MAX_VALUE = 4096;

    /** Longest host key blob (K_S) accepted: certificates carry options and a CA key, RSA keys up to 16384 bits. */
    static final int MAX_HOST_KEY = 16 * 1024;

    /** Longest signature blob accepted: an RSA-16384 signature is 2048 bytes plus its name. */
    static final int MAX_SIGNATURE = 8 * 1024;

    private KexPayloads() {
    }

    /**
     * @param payload a whole payload
     * @param number the message number the current step expects
     * @param what the message name for errors
     * @return a reader after the message number
     * @throws SshProtocolException if the payload is empty or carries another number
     */
    static SshReader open(byte[] payload, int number, String what) throws SshProtocolException {
        if (payload == null || payload.length == 0) {
            throw new SshProtocolException("empty payload where " + what + " was expected");
        }
        int actual = payload[0] & 0xff;
        if (actual != number) {
            throw new SshProtocolException("expected " + what + " (" + number + ") but got message " + actual);
        }
        return new SshReader(payload, 1, payload.length - 1);
    }

    /**
     * @param payload a payload, possibly empty
     * @return its message number, or -1 when empty
     */
    static int number(byte[] payload) {
        return payload == null || payload.length == 0 ? -1 : payload[0] & 0xff;
    }

    /** @return a writer holding the message number */
    static SshWriter start(int number) {
        return new SshWriter().writeByte(number);
    }

    /** Reads a positive mpint (1 &lt;= value), the shape of e, f, p and g (RFC 4253 §8, RFC 4419 §3). */
    static BigInteger readPositive(SshReader in, String what) throws SshProtocolException {
        BigInteger value = in.readMpint();
        if (value.signum() <= 0) {
            throw new SshProtocolException(what + " must be a positive mpint");
        }
        return value;
    }

    /** Reads a non-empty string value of at most {@link #MAX_VALUE} bytes (Q_C, Q_S, C_INIT, S_REPLY). */
    static byte[] readValue(SshReader in, String what) throws SshProtocolException {
        byte[] value = in.readString(MAX_VALUE);
        if (value.length == 0) {
            throw new SshProtocolException(what + " is empty");
        }
        return value;
    }

    /** Reads K_S. */
    static byte[] readHostKey(SshReader in) throws SshProtocolException {
        byte[] blob = in.readString(Math.min(MAX_HOST_KEY, WireLimits.MAX_PACKET));
        if (blob.length == 0) {
            throw new SshProtocolException("server host key K_S is empty");
        }
        return blob;
    }

    /** Reads the signature blob. */
    static byte[] readSignature(SshReader in) throws SshProtocolException {
        byte[] blob = in.readString(MAX_SIGNATURE);
        if (blob.length == 0) {
            throw new SshProtocolException("signature of H is empty");
        }
        return blob;
    }
}
