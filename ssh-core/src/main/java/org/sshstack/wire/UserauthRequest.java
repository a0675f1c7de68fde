package org.sshstack.wire;

import java.util.Objects;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_USERAUTH_REQUEST (RFC 4252 §5): user name, service name and the typed method-specific part.
 *
 * @param user the user name (UTF-8, RFC 4252 §5)
 * @param service the service to start after authentication, normally {@code ssh-connection}
 * @param method the method and its fields
 */
public record UserauthRequest(String user, String service, UserauthMethod method) {

    /** Longest user name accepted, in bytes (a policy bound: real user names are far shorter). */
    public static final int MAX_USER = 1024;

    /** Validates the fields. */
    public UserauthRequest {
        Objects.requireNonNull(user, "user");
        Payloads.requireName(service, "service name");
        Objects.requireNonNull(method, "method");
    }

    /** @return the method name, e.g. {@code publickey} */
    public String methodName() {
        return method.name();
    }

    /** @return the payload, first byte {@link MessageNumbers#USERAUTH_REQUEST} */
    public byte[] encode() {
        SshWriter out = Payloads.start(MessageNumbers.USERAUTH_REQUEST).writeString(user).writeString(service)
                .writeString(method.name());
        method.writeFields(out);
        return out.toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed USERAUTH_REQUEST
     */
    public static UserauthRequest decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.USERAUTH_REQUEST);
        String user = SshReader.decodeUtf8(in.readString(MAX_USER));
        String service = Payloads.readName(in, "service name");
        String methodName = Payloads.readName(in, "method name");
        UserauthMethod method = UserauthMethod.read(methodName, in);
        in.expectEnd();
        return new UserauthRequest(user, service, method);
    }

    /**
     * The data a "publickey" signature covers (RFC 4252 §7): string session identifier, byte
     * SSH_MSG_USERAUTH_REQUEST, string user, string service, string "publickey", boolean TRUE, string algorithm,
     * string key blob.
     *
     * @param sessionId the exchange hash H of the first key exchange
     * @param user the user name
     * @param service the service name
     * @param algorithm the public key algorithm name as sent
     * @param keyBlob the key or certificate blob as sent
     * @return the bytes to sign or verify
     */
    public static byte[] publicKeySignedData(byte[] sessionId, String user, String service, String algorithm,
            byte[] keyBlob) {
        return new SshWriter().writeString(sessionId).writeByte(MessageNumbers.USERAUTH_REQUEST).writeString(user)
                .writeString(service).writeString("publickey").writeBoolean(true).writeString(algorithm)
                .writeString(keyBlob).toByteArray();
    }
}
