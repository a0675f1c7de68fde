package org.sshstack.client;

import java.util.Objects;

/**
 * Checks the host and user names a caller hands the client, before any I/O (SECURITY.md D3; OpenSSH 9.6 and
 * CVE-2023-51385, CVE-2025-61984): a name with control characters, or a host name with shell metacharacters or
 * white space, is never sent, logged or passed on to anything that might reach a shell. A rejected name is a
 * programming or configuration error of the caller, so it is an {@link IllegalArgumentException}; its message
 * names the offending character by code point only, never echoing a control character.
 *
 * <p>User names stay permissive beyond control characters and a leading '-' (an option-injection guard), because
 * real user names contain '$' (Windows machine accounts), '\' (DOMAIN\\user) or '@'.
 */
public final class HostNames {

    /** Longest host name accepted: a DNS name is at most 253 characters; a bracketed IPv6 literal is shorter. */
    public static final int MAX_HOST_LENGTH = 255;
    /** Longest user name accepted (OpenSSH reads at most 1 KiB per configuration token). */
    public static final int MAX_USER_LENGTH = 1024;

    /**
     * Characters a POSIX shell treats specially; never part of a DNS name or address literal. '[' and ']' stay
     * allowed for bracketed IPv6 literals, '%' for IPv6 zone ids.
     */
    private static final String SHELL_METACHARACTERS = ";|&$`<>()'\"\\*?{}!#~";

    private HostNames() {
    }

    /**
     * @param host a host name or address literal
     * @return {@code host}
     * @throws IllegalArgumentException if it is empty, too long, starts with '-', or holds a control character,
     *     white space or a shell metacharacter
     */
    public static String checkHost(String host) {
        Objects.requireNonNull(host, "host");
        checkCommon("host", host, MAX_HOST_LENGTH);
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw rejected("host", "white space", c, i);
            }
            if (SHELL_METACHARACTERS.indexOf(c) >= 0) {
                throw rejected("host", "a shell metacharacter", c, i);
            }
        }
        return host;
    }

    /**
     * @param user a user name
     * @return {@code user}
     * @throws IllegalArgumentException if it is empty, too long, starts with '-' or holds a control character
     *     (NUL, CR, LF, DEL and C1 included)
     */
    public static String checkUser(String user) {
        Objects.requireNonNull(user, "user");
        checkCommon("user", user, MAX_USER_LENGTH);
        return user;
    }

    private static void checkCommon(String what, String name, int maxLength) {
        if (name.isEmpty() || name.length() > maxLength) {
            throw new IllegalArgumentException("the " + what + " name must have 1 to " + maxLength + " characters");
        }
        if (name.charAt(0) == '-') {
            throw new IllegalArgumentException("the " + what + " name must not start with '-'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) { // C0, DEL and C1
                throw rejected(what, "a control character", c, i);
            }
        }
    }

    private static IllegalArgumentException rejected(String what, String kind, char c, int index) {
        return new IllegalArgumentException(String.format("the %s name holds %s (U+%04X) at index %d", what, kind,
                (int) c, index));
    }
}
