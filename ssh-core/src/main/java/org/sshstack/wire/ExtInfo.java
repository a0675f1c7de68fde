package org.sshstack.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_EXT_INFO (RFC 8308 §2.3): extension names with binary values.
 *
 * <p>Decoding caps the count at {@link #MAX_EXTENSIONS} and each value at {@link #MAX_VALUE} bytes, and refuses a
 * name given twice so that {@link #value(String)} is unambiguous. Values are kept as bytes: RFC 8308 §2.5 asks that
 * any byte sequence be tolerated in an unknown extension's value.
 *
 * @param extensions the extensions in the order sent
 */
public record ExtInfo(List<Extension> extensions) {

    /** Most extensions accepted in one message (OpenSSH sends fewer than ten). */
    public static final int MAX_EXTENSIONS = 64;

    /** Largest extension value accepted: a server-sig-algs name-list fits easily. */
    public static final int MAX_VALUE = WireLimits.MAX_NAME_LIST;

    /** Copies the list and checks names are distinct. */
    public ExtInfo {
        extensions = List.copyOf(extensions);
        if (extensions.size() > MAX_EXTENSIONS || !distinct(extensions)) {
            throw new IllegalArgumentException("at most " + MAX_EXTENSIONS + " extensions, each name once");
        }
    }

    /**
     * One extension.
     *
     * @param name the extension name, e.g. "server-sig-algs"
     * @param value the extension value, undecoded (copied in and out)
     */
    public record Extension(String name, byte[] value) {

        /** Validates the name and copies the value. */
        public Extension {
            Payloads.requireName(name, "extension name");
            value = value.clone();
        }

        /**
         * @param name the extension name
         * @param names the names; the value is their comma-separated list
         * @return an extension whose value is a comma-separated name list (server-sig-algs, RFC 8308 §3.1)
         */
        public static Extension ofNameList(String name, List<String> names) {
            return new Extension(name, String.join(",", names).getBytes(StandardCharsets.US_ASCII));
        }

        /** @return a copy of the value */
        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Extension that && name.equals(that.name) && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return name + "(" + value.length + " bytes)";
        }
    }

    /**
     * @param name an extension name
     * @return the value of that extension, if present
     */
    public Optional<byte[]> value(String name) {
        for (Extension extension : extensions) {
            if (extension.name().equals(name)) {
                return Optional.of(extension.value());
            }
        }
        return Optional.empty();
    }

    /**
     * Reads an extension whose value is a name-list, such as server-sig-algs (RFC 8308 §3.1).
     *
     * @param name the extension name
     * @return the names, or empty when the extension is absent
     * @throws SshProtocolException if the value is not a valid name-list
     */
    public Optional<List<String>> nameList(String name) throws SshProtocolException {
        Optional<byte[]> raw = value(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        byte[] wrapped = new SshWriter().writeString(raw.get()).toByteArray();
        return Optional.of(new SshReader(wrapped).readNameList());
    }

    /** @return the payload, first byte {@link MessageNumbers#EXT_INFO} */
    public byte[] encode() {
        SshWriter out = Payloads.start(MessageNumbers.EXT_INFO).writeUint32(extensions.size());
        for (Extension extension : extensions) {
            out.writeString(extension.name()).writeString(extension.value);
        }
        return out.toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed EXT_INFO within the caps
     */
    public static ExtInfo decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.EXT_INFO);
        long count = in.readUint32();
        if (count > MAX_EXTENSIONS) {
            throw new SshProtocolException("EXT_INFO announces " + count + " extensions, the cap is " + MAX_EXTENSIONS);
        }
        List<Extension> extensions = new ArrayList<>((int) count);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String name = Payloads.readName(in, "extension name");
            if (!seen.add(name)) {
                throw new SshProtocolException("EXT_INFO names extension " + name + " twice");
            }
            extensions.add(new Extension(name, in.readString(MAX_VALUE)));
        }
        in.expectEnd();
        return new ExtInfo(extensions);
    }

    private static boolean distinct(List<Extension> extensions) {
        Set<String> names = new HashSet<>();
        for (Extension extension : extensions) {
            if (!names.add(extension.name())) {
                return false;
            }
        }
        return true;
    }
}
