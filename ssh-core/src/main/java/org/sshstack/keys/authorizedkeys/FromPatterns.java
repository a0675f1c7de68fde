package org.sshstack.keys.authorizedkeys;

import java.util.List;
import org.sshstack.keys.AddressMatcher;
import org.sshstack.keys.knownhosts.HostPatterns;

/**
 * Evaluates a {@code from="pattern-list"} option (sshd(8); ssh_config(5) PATTERNS): wildcard patterns match the
 * client's canonical host name or its address, {@code addr/len} entries match the address as CIDR, and any matching
 * negated ({@code !}) entry refuses the client even if another entry matched.
 */
public final class FromPatterns {

    private FromPatterns() {
    }

    /**
     * @param patterns the pattern entries (already split on commas)
     * @param hostName the client's canonical host name, or null when it was not resolved
     * @param address the client's literal IP address
     * @return true if some entry matches and no negated entry does
     */
    public static boolean permits(List<String> patterns, String hostName, String address) {
        boolean positive = false;
        for (String pattern : patterns) {
            boolean negated = pattern.startsWith("!");
            String body = negated ? pattern.substring(1) : pattern;
            boolean matched = body.indexOf('/') >= 0
                    ? AddressMatcher.matchesCidr(body, address)
                    : HostPatterns.matches(body, address) || hostName != null && HostPatterns.matches(body, hostName);
            if (matched) {
                if (negated) {
                    return false;
                }
                positive = true;
            }
        }
        return positive;
    }
}
