package org.sshstack.sftp.server;

import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.sshstack.sftp.SftpAttributes;

/**
 * Formats the "longname" of a READDIR entry the way {@code ls -l} and OpenSSH's sftp-server do
 * (filexfer-02 §7: "the format is unspecified, ls -l style recommended"):
 * {@code -rw-r--r--    1 owner    group        1234 Nov 24 22:40 name}.
 */
final class LongName {

    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Duration SIX_MONTHS = Duration.ofDays(182);

    private LongName() {
    }

    /**
     * @param name the entry's name
     * @param raw its attributes from {@link Attributes#readRaw}
     * @param now the current time (dates older than six months show the year)
     * @return the ls -l line
     */
    static String of(String name, Map<String, Object> raw, Instant now) {
        long mode = Attributes.mode(raw);
        Object links = raw.getOrDefault("nlink", 1);
        String owner = raw.get("owner") instanceof UserPrincipal user ? user.getName() : "?";
        String group = raw.get("group") instanceof GroupPrincipal g ? g.getName() : "?";
        Instant mtime = raw.get("lastModifiedTime") instanceof FileTime time ? time.toInstant() : Instant.EPOCH;
        boolean recent = Duration.between(mtime, now).abs().compareTo(SIX_MONTHS) < 0;
        String date = (recent ? RECENT : OLD).format(mtime);
        return String.format(Locale.ROOT, "%s %4s %-8s %-8s %8d %s %s", permissions(mode), links, owner, group,
                (Long) raw.get("size"), date, name);
    }

    /** @param mode POSIX mode bits @return the ten characters of ls -l, e.g. {@code drwxr-xr-x} */
    static String permissions(long mode) {
        char[] out = new char[10];
        out[0] = type(mode);
        String bits = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            out[i + 1] = (mode & (0400 >> i)) != 0 ? bits.charAt(i) : '-';
        }
        special(out, 3, (mode & 04000) != 0, 's');
        special(out, 6, (mode & 02000) != 0, 's');
        special(out, 9, (mode & 01000) != 0, 't');
        return new String(out);
    }

    private static void special(char[] out, int at, boolean set, char letter) {
        if (set) {
            out[at] = out[at] == '-' ? Character.toUpperCase(letter) : letter;
        }
    }

    private static char type(long mode) {
        long type = mode & SftpAttributes.TYPE_MASK;
        if (type == SftpAttributes.TYPE_DIRECTORY) {
            return 'd';
        }
        if (type == SftpAttributes.TYPE_SYMLINK) {
            return 'l';
        }
        return type == SftpAttributes.TYPE_REGULAR ? '-' : switch ((int) (type >> 12)) {
            case 001 -> 'p';
            case 002 -> 'c';
            case 006 -> 'b';
            case 014 -> 's';
            default -> '?';
        };
    }
}
