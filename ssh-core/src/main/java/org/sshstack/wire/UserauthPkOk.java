package org.sshstack.wire;

import java.util.Arrays;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_USERAUTH_PK_OK (RFC 4252 §7, number 60 while "publickey" is in progress): the queried key would be
 * acceptable; the client should now send the signed request.
 *
 * @param algorithm the algorithm name from the query
 * @param keyBlob the key blob from the query
 */
public record UserauthPkOk(String algorithm, byte[] keyBlob) {

    /** Validates and copies. */
    public UserauthPkOk {
        Payloads.requireName(algorithm, "algorithm");
        keyBlob = keyBlob.clone();
    }

    @Override
    public byte[] keyBlob() {
        return keyBlob.clone();
    }

    /** @return the payload, first byte {@link MessageNumbers#USERAUTH_PK_OK} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.USERAUTH_PK_OK).writeString(algorithm).writeString(keyBlob)
                .toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed USERAUTH_PK_OK
     */
    public static UserauthPkOk decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.USERAUTH_PK_OK);
        String algorithm = Payloads.readName(in, "public key algorithm");
        byte[] blob = in.readString(UserauthMethod.MAX_BLOB);
        in.expectEnd();
        return new UserauthPkOk(algorithm, blob);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserauthPkOk o && algorithm.equals(o.algorithm) && Arrays.equals(keyBlob, o.keyBlob);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + Arrays.hashCode(keyBlob);
    }

    @Override
    public String toString() {
        return "UserauthPkOk[" + algorithm + "]";
    }
}
