package org.sshstack.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;

/**
 * One critical option or extension of a certificate (PROTOCOL.certkeys "Critical options"): a name and its data,
 * which is itself zero or more values encoded inside the string.
 *
 * @param name the option name, e.g. {@code force-command}
 * @param data the raw data field (empty for flags), as carried in the certificate
 */
public record CertificateOption(String name, byte[] data) {

    /** Copies the data so the record stays immutable. */
    public CertificateOption {
        Objects.requireNonNull(name, "name");
        data = data.clone();
    }

    /** @return a copy of the raw data field */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** @return true when the data field is empty (flag options such as {@code verify-required}) */
    public boolean isFlag() {
        return data.length == 0;
    }

    /**
     * Reads the data as exactly one wrapped string, as {@code force-command} and {@code source-address} carry it.
     *
     * @return the inner string, decoded as UTF-8
     * @throws SshProtocolException if the data is not exactly one string
     */
    public String stringValue() throws SshProtocolException {
        SshReader in = new SshReader(data);
        String value = in.readUtf8();
        in.expectEnd();
        return value;
    }

    /** @return the name as UTF-8 bytes, the order PROTOCOL.certkeys sorts by */
    byte[] nameBytes() {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertificateOption that && name.equals(that.name) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return isFlag() ? name : name + "(" + data.length + " bytes)";
    }
}
