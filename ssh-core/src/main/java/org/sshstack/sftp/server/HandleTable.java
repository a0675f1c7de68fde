package org.sshstack.sftp.server;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The open handles of one SFTP session, bounded (SECURITY.md B7, Erlang CVE-2025-48041).
 *
 * <p>A handle is {@value #HANDLE_BYTES} random bytes (filexfer-02 §3: an opaque string of at most 256 bytes),
 * so a client cannot guess another session's handles and a closed handle is never handed out again. A handle
 * that is unknown, closed, too long or from another session is simply not found: the server answers
 * SSH_FX_FAILURE, never with an exception.
 */
final class HandleTable {

    /** Length of a handle on the wire. */
    static final int HANDLE_BYTES = 16;

    private final Map<String, OpenHandle> open = new HashMap<>();
    private final SecureRandom random;
    private final int max;

    /**
     * @param max the most handles open at once
     * @param random the source of handle values
     */
    HandleTable(int max, SecureRandom random) {
        this.max = max;
        this.random = random;
    }

    /** @return whether another handle may be opened */
    boolean hasRoom() {
        return open.size() < max;
    }

    /** @return how many handles are open */
    int size() {
        return open.size();
    }

    /**
     * @param handle what the new handle stands for; the caller checked {@link #hasRoom()}
     * @return the handle's wire value
     */
    byte[] add(OpenHandle handle) {
        byte[] value = new byte[HANDLE_BYTES];
        do {
            random.nextBytes(value);
        } while (open.containsKey(key(value)));
        open.put(key(value), handle);
        return value;
    }

    /** @param value a handle from the client @return what it stands for, if it is open here */
    Optional<OpenHandle> find(byte[] value) {
        return value.length == HANDLE_BYTES ? Optional.ofNullable(open.get(key(value))) : Optional.empty();
    }

    /** @param value a handle from the client @return the handle it closed, if it was open here */
    Optional<OpenHandle> remove(byte[] value) {
        return value.length == HANDLE_BYTES ? Optional.ofNullable(open.remove(key(value))) : Optional.empty();
    }

    /** Closes every handle (the session ended); failures to close are ignored, there is no one to tell. */
    void closeAll() {
        for (OpenHandle handle : open.values()) {
            try {
                handle.close();
            } catch (IOException ignored) {
                // the session is over; the handle is released either way
            }
        }
        open.clear();
    }

    private static String key(byte[] value) {
        return HexFormat.of().formatHex(value);
    }
}
