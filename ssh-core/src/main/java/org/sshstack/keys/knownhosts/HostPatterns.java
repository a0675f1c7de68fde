package org.sshstack.keys.knownhosts;

import java.util.Locale;

/**
 * Host pattern matching as OpenSSH does it (ssh_config(5) PATTERNS): {@code *} matches any run of characters,
 * {@code ?} exactly one, a leading {@code !} negates, and a negated match in a list overrides any positive one.
 * Matching is case-insensitive and runs in O(pattern x text) time, so hostile wildcards cannot blow up.
 */
public final class HostPatterns {

    /** The outcome of matching a name against a comma-separated pattern list. */
    public enum ListMatch {
        /** Some pattern matched and no negated pattern did. */
        MATCH,
        /** A negated pattern matched: the whole list refuses the name. */
        NEGATED,
        /** Nothing matched. */
        NO_MATCH
    }

    private HostPatterns() {
    }

    /**
     * @param patternList comma-separated patterns, each optionally prefixed with {@code !}
     * @param name the host name (or {@code [host]:port}) to test
     * @return whether the list matches, refuses or ignores the name
     */
    public static ListMatch matchList(String patternList, String name) {
        boolean positive = false;
        for (String pattern : patternList.split(",", -1)) {
            boolean negated = pattern.startsWith("!");
            String body = negated ? pattern.substring(1) : pattern;
            if (!body.isEmpty() && matches(body, name)) {
                if (negated) {
                    return ListMatch.NEGATED;
                }
                positive = true;
            }
        }
        return positive ? ListMatch.MATCH : ListMatch.NO_MATCH;
    }

    /**
     * @param pattern a single pattern with {@code *} and {@code ?} wildcards (no negation)
     * @param text the text to test
     * @return true if the whole text matches, ignoring case
     */
    public static boolean matches(String pattern, String text) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String t = text.toLowerCase(Locale.ROOT);
        int pi = 0;
        int ti = 0;
        int starP = -1;
        int starT = 0;
        while (ti < t.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                starP = pi++;
                starT = ti;
            } else if (starP >= 0) {
                pi = starP + 1;
                ti = ++starT;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    /**
     * @param host a host name or address
     * @param port the port; 22 (or 0 for "unspecified") gives the bare host
     * @return the name known_hosts stores: {@code host}, or {@code [host]:port} for another port, lower-cased
     */
    public static String hostKeyName(String host, int port) {
        String lower = host.toLowerCase(Locale.ROOT);
        return port == 22 || port <= 0 ? lower : "[" + lower + "]:" + port;
    }
}
