package org.sshstack.sftp.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.sshstack.event.SshEventListener;

/**
 * The settings of an {@link SftpServer}: where each user is jailed, what is allowed, and the limits
 * (SECURITY.md D1, B7). Build one with {@link #builder(Function)}.
 *
 * @param roots maps an authenticated user name to the directory that is "/" for that user (must exist)
 * @param readOnly refuse every request that changes anything (PERMISSION_DENIED), like sftp-server -R
 * @param symlinks how links inside the root are followed
 * @param allowSymlinkCreation whether SYMLINK requests are served (default: refused)
 * @param allowedRequests request names served (OpenSSH sftp-server -p names: "open", "read", "posix-rename"...);
 *        empty means all
 * @param deniedRequests request names refused with PERMISSION_DENIED (sftp-server -P)
 * @param maxHandles the most files and directories open at once per session
 * @param maxReadLength the largest READ answered (longer reads return less, filexfer-02 §6.4)
 * @param maxPacketLength the largest request packet; a longer one ends the session
 * @param listener receives one {@link org.sshstack.event.SftpOperationCompleted} per request
 * @param clock measures operation durations
 */
public record SftpServerConfig(Function<String, Path> roots, boolean readOnly, SymlinkPolicy symlinks,
        boolean allowSymlinkCreation, Set<String> allowedRequests, Set<String> deniedRequests, int maxHandles,
        int maxReadLength, int maxPacketLength, SshEventListener listener, Clock clock) {

    /** The default cap on open handles per session. */
    public static final int DEFAULT_MAX_HANDLES = 256;

    /** The default largest READ: 255 KiB, so that a DATA reply fits the default packet. */
    public static final int DEFAULT_MAX_READ = 255 * 1024;

    /** The default largest request packet: 256 KiB of data plus headers (OpenSSH's SFTP_MAX_MSG_LENGTH). */
    public static final int DEFAULT_MAX_PACKET = 256 * 1024 + 1024;

    /** Checks the values and copies the sets. */
    public SftpServerConfig {
        Objects.requireNonNull(roots, "roots");
        Objects.requireNonNull(symlinks, "symlinks");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(clock, "clock");
        allowedRequests = Set.copyOf(allowedRequests);
        deniedRequests = Set.copyOf(deniedRequests);
        if (maxHandles < 1 || maxReadLength < 1024 || maxPacketLength < 34000 || maxReadLength > maxPacketLength) {
            throw new IllegalArgumentException(
                    "SFTP limits: handles >= 1, read >= 1024, packet >= 34000, read <= packet");
        }
    }

    /**
     * @param roots maps a user name to that user's root directory
     * @return a builder with the defaults: read-write, links followed inside the root, no symlink creation,
     *         every request allowed, {@value #DEFAULT_MAX_HANDLES} handles, no listener, the system clock
     */
    public static Builder builder(Function<String, Path> roots) {
        return new Builder(roots);
    }

    /**
     * @param root the one directory every user is jailed in
     * @return a builder with the defaults of {@link #builder(Function)}
     */
    public static Builder builder(Path root) {
        Objects.requireNonNull(root, "root");
        return new Builder(user -> root);
    }

    /** @param request an OpenSSH request name @return whether the lists let it through */
    boolean permits(String request) {
        return !deniedRequests.contains(request) && (allowedRequests.isEmpty() || allowedRequests.contains(request));
    }

    /** Builds a {@link SftpServerConfig}. */
    public static final class Builder {
        private final Function<String, Path> roots;
        private boolean readOnly;
        private SymlinkPolicy symlinks = SymlinkPolicy.FOLLOW_INSIDE;
        private boolean allowSymlinkCreation;
        private Set<String> allowed = Set.of();
        private Set<String> denied = Set.of();
        private int maxHandles = DEFAULT_MAX_HANDLES;
        private int maxRead = DEFAULT_MAX_READ;
        private int maxPacket = DEFAULT_MAX_PACKET;
        private SshEventListener listener = SshEventListener.NONE;
        private Clock clock = Clock.systemUTC();

        private Builder(Function<String, Path> roots) {
            this.roots = Objects.requireNonNull(roots, "roots");
        }

        /** @param value refuse every change @return this builder */
        public Builder readOnly(boolean value) {
            readOnly = value;
            return this;
        }

        /** @param value how links are followed @return this builder */
        public Builder symlinks(SymlinkPolicy value) {
            symlinks = value;
            return this;
        }

        /** @param value whether SYMLINK is served @return this builder */
        public Builder allowSymlinkCreation(boolean value) {
            allowSymlinkCreation = value;
            return this;
        }

        /** @param names the only request names served (empty: all) @return this builder */
        public Builder allowedRequests(Set<String> names) {
            allowed = names;
            return this;
        }

        /** @param names request names refused @return this builder */
        public Builder deniedRequests(Set<String> names) {
            denied = names;
            return this;
        }

        /** @param value the most open handles per session @return this builder */
        public Builder maxHandles(int value) {
            maxHandles = value;
            return this;
        }

        /** @param value the largest READ answered @return this builder */
        public Builder maxReadLength(int value) {
            maxRead = value;
            return this;
        }

        /** @param value the largest request packet @return this builder */
        public Builder maxPacketLength(int value) {
            maxPacket = value;
            return this;
        }

        /** @param value receives the operation events @return this builder */
        public Builder listener(SshEventListener value) {
            listener = value;
            return this;
        }

        /** @param value measures durations @return this builder */
        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /** @return the configuration */
        public SftpServerConfig build() {
            return new SftpServerConfig(roots, readOnly, symlinks, allowSymlinkCreation, allowed, denied, maxHandles,
                    maxRead, maxPacket, listener, clock);
        }
    }
}
