package org.sshstack.wire;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.sshstack.SshProtocolException;

/**
 * The method-specific part of SSH_MSG_USERAUTH_REQUEST (RFC 4252 §5): one record per method sshstack knows, and
 * {@link Other} for the rest. {@code toString()} never shows passwords or signatures.
 */
public sealed interface UserauthMethod {

    /** Longest password accepted, in bytes (a policy bound, far above any real password). */
    int MAX_PASSWORD = 8192;
    /** Longest key blob or signature accepted, in bytes (a 16384-bit RSA certificate fits easily). */
    int MAX_BLOB = 32 * 1024;
    /** Longest free text field (submethods, language, host names), in bytes. */
    int MAX_TEXT = 8192;

    /** @return the method name as on the wire */
    String name();

    /** Writes the method-specific fields after the method name. */
    void writeFields(SshWriter out);

    /** The "none" method (RFC 4252 §5.2): no fields. */
    record None() implements UserauthMethod {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public void writeFields(SshWriter out) {
        }
    }

    /**
     * The "password" method (RFC 4252 §8), optionally changing the password.
     *
     * @param password the (old) password
     * @param newPassword the new password when answering SSH_MSG_USERAUTH_PASSWD_CHANGEREQ, else empty
     */
    record Password(String password, Optional<String> newPassword) implements UserauthMethod {
        /** Requires the fields. */
        public Password {
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(newPassword, "newPassword");
        }

        @Override
        public String name() {
            return "password";
        }

        @Override
        public void writeFields(SshWriter out) {
            out.writeBoolean(newPassword.isPresent()).writeString(password);
            newPassword.ifPresent(out::writeString);
        }

        @Override
        public String toString() {
            return "Password[change=" + newPassword.isPresent() + "]";
        }
    }

    /**
     * The "publickey" method (RFC 4252 §7): a query when {@code signature} is empty, else a signed request.
     *
     * @param algorithm the public key algorithm name (for certificates the certificate algorithm)
     * @param keyBlob the public key or certificate blob, exactly as sent (it is part of the signed data)
     * @param signature the signature blob, or empty for a query
     */
    record PublicKey(String algorithm, byte[] keyBlob, Optional<byte[]> signature) implements UserauthMethod {
        /** Copies the arrays. */
        public PublicKey {
            Payloads.requireName(algorithm, "algorithm");
            keyBlob = keyBlob.clone();
            signature = signature.map(byte[]::clone);
        }

        @Override
        public String name() {
            return "publickey";
        }

        @Override
        public byte[] keyBlob() {
            return keyBlob.clone();
        }

        @Override
        public Optional<byte[]> signature() {
            return signature.map(byte[]::clone);
        }

        /** @return true when this is a signed request, false for a query */
        public boolean signed() {
            return signature.isPresent();
        }

        @Override
        public void writeFields(SshWriter out) {
            out.writeBoolean(signature.isPresent()).writeString(algorithm).writeString(keyBlob);
            signature.ifPresent(out::writeString);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PublicKey o && algorithm.equals(o.algorithm) && Arrays.equals(keyBlob, o.keyBlob)
                    && Arrays.equals(signature.orElse(null), o.signature.orElse(null));
        }

        @Override
        public int hashCode() {
            return algorithm.hashCode() * 31 + Arrays.hashCode(keyBlob);
        }

        @Override
        public String toString() {
            return "PublicKey[" + algorithm + ", signed=" + signature.isPresent() + "]";
        }
    }

    /**
     * The "keyboard-interactive" method (RFC 4256 §3.1).
     *
     * @param languageTag deprecated language tag, normally empty
     * @param submethods comma-separated submethod hints, normally empty
     */
    record KeyboardInteractive(String languageTag, String submethods) implements UserauthMethod {
        /** Requires the fields. */
        public KeyboardInteractive {
            Objects.requireNonNull(languageTag, "languageTag");
            Objects.requireNonNull(submethods, "submethods");
        }

        @Override
        public String name() {
            return "keyboard-interactive";
        }

        @Override
        public void writeFields(SshWriter out) {
            out.writeString(languageTag).writeString(submethods);
        }
    }

    /**
     * The "hostbased" method (RFC 4252 §9): parsed so it can be refused cleanly; sshstack does not accept it.
     *
     * @param algorithm the host key algorithm
     * @param keyBlob the client host key blob
     * @param clientHost the client host name (FQDN)
     * @param clientUser the user name on the client host
     * @param signature the signature blob
     */
    record Hostbased(String algorithm, byte[] keyBlob, String clientHost, String clientUser, byte[] signature)
            implements UserauthMethod {
        /** Copies the arrays. */
        public Hostbased {
            keyBlob = keyBlob.clone();
            signature = signature.clone();
        }

        @Override
        public String name() {
            return "hostbased";
        }

        @Override
        public byte[] keyBlob() {
            return keyBlob.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        @Override
        public void writeFields(SshWriter out) {
            out.writeString(algorithm).writeString(keyBlob).writeString(clientHost).writeString(clientUser)
                    .writeString(signature);
        }

        @Override
        public String toString() {
            return "Hostbased[" + algorithm + ", " + clientHost + "]";
        }
    }

    /**
     * A method sshstack does not implement (gssapi-with-mic, ...): the name and the raw remaining fields.
     *
     * @param name the method name
     * @param fields the raw method-specific bytes
     */
    record Other(String name, byte[] fields) implements UserauthMethod {
        /** Copies the array. */
        public Other {
            Payloads.requireName(name, "method name");
            fields = fields.clone();
        }

        @Override
        public byte[] fields() {
            return fields.clone();
        }

        @Override
        public void writeFields(SshWriter out) {
            out.writeBytes(fields);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Other o && name.equals(o.name) && Arrays.equals(fields, o.fields);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            return "Other[" + name + "]";
        }
    }

    /**
     * Reads the method-specific fields of a request whose method name was just read.
     *
     * @param name the method name
     * @param in the reader, positioned after the method name
     * @return the method; the reader is left at the end
     * @throws SshProtocolException if the fields are malformed
     */
    static UserauthMethod read(String name, SshReader in) throws SshProtocolException {
        return switch (name) {
            case "none" -> new None();
            case "password" -> readPassword(in);
            case "publickey" -> readPublicKey(in);
            case "keyboard-interactive" -> new KeyboardInteractive(utf8(in, MAX_TEXT), utf8(in, MAX_TEXT));
            case "hostbased" -> new Hostbased(Payloads.readName(in, "algorithm"), in.readString(MAX_BLOB),
                    SshReader.decodeUtf8(in.readString(MAX_TEXT)), utf8(in, MAX_TEXT), in.readString(MAX_BLOB));
            default -> new Other(name, in.readBytes(in.remaining()));
        };
    }

    private static Password readPassword(SshReader in) throws SshProtocolException {
        boolean change = in.readBoolean(); // RFC 4252 §8: FALSE, or TRUE with a new password
        String password = utf8(in, MAX_PASSWORD);
        Optional<String> newPassword = change ? Optional.of(utf8(in, MAX_PASSWORD)) : Optional.empty();
        return new Password(password, newPassword);
    }

    private static PublicKey readPublicKey(SshReader in) throws SshProtocolException {
        boolean signed = in.readBoolean(); // RFC 4252 §7: FALSE for the query, TRUE with a signature
        String algorithm = Payloads.readName(in, "public key algorithm");
        byte[] blob = in.readString(MAX_BLOB);
        Optional<byte[]> signature = signed ? Optional.of(in.readString(MAX_BLOB)) : Optional.empty();
        return new PublicKey(algorithm, blob, signature);
    }

    private static String utf8(SshReader in, int max) throws SshProtocolException {
        return SshReader.decodeUtf8(in.readString(max));
    }
}
