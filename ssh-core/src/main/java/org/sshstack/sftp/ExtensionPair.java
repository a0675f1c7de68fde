package org.sshstack.sftp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A name and data pair: an extension announced in INIT/VERSION (filexfer-02 §4, PROTOCOL §4.2) or an extended
 * attribute (filexfer-02 §5). Compared by content.
 *
 * @param name the extension name
 * @param data the extension data (a version number as text for announcements)
 */
public record ExtensionPair(String name, byte[] data) {

    /** Copies the data and requires both fields. */
    public ExtensionPair {
        Objects.requireNonNull(name, "name");
        data = data.clone();
    }

    /**
     * @param name the extension name
     * @param data the data as UTF-8 text
     */
    public ExtensionPair(String name, String data) {
        this(name, data.getBytes(StandardCharsets.UTF_8));
    }

    /** @return a copy of the data */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** @return the data decoded as UTF-8 */
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExtensionPair p && name.equals(p.name) && Arrays.equals(data, p.data);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ExtensionPair[" + name + "=" + data.length + " bytes]";
    }
}
