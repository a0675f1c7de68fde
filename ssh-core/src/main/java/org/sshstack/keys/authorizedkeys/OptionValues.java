package org.sshstack.keys.authorizedkeys;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/** Validates and types the values of authorized_keys options (sshd(8) AUTHORIZED_KEYS FILE FORMAT). */
final class OptionValues {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private OptionValues() {
    }

    /** {@code environment="NAME=value"}: NAME is letters, digits and underscores. */
    static String environment(OptionsParser parser, String value) throws AuthorizedKeysException {
        int eq = value.indexOf('=');
        if (eq <= 0 || !value.substring(0, eq).chars().allMatch(c -> c < 0x80
                && (Character.isLetterOrDigit(c) || c == '_'))) {
            throw parser.error("environment must be NAME=value");
        }
        return value;
    }

    /** {@code expiry-time="YYYYMMDD[HHMM[SS]][Z]"}: system (given) time zone unless suffixed with Z. */
    static Instant expiry(OptionsParser parser, String value, ZoneId zone) throws AuthorizedKeysException {
        boolean utc = value.endsWith("Z") || value.endsWith("z");
        String digits = utc ? value.substring(0, value.length() - 1) : value;
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || digits.length() != 8 && digits.length() != 12 && digits.length() != 14) {
            throw parser.error("expiry-time must be YYYYMMDD[HHMM[SS]][Z]");
        }
        String padded = digits + "000000".substring(digits.length() - 8);
        try {
            LocalDateTime time = LocalDateTime.parse(padded, TIMESTAMP);
            return time.atZone(utc ? ZoneOffset.UTC : zone).toInstant();
        } catch (DateTimeParseException e) {
            throw parser.error("expiry-time is not a valid date");
        }
    }

    /** A comma-separated pattern or name list ({@code from}, {@code principals}): no empty entries. */
    static List<String> patterns(OptionsParser parser, String name, String value) throws AuthorizedKeysException {
        List<String> entries = List.of(value.split(",", -1));
        for (String entry : entries) {
            boolean valid = name.equals("from") ? OptionsParser.validFromEntry(entry) : !entry.isEmpty();
            if (!valid || entry.chars().anyMatch(c -> c <= ' ')) {
                throw parser.error("invalid " + name + " entry \"" + entry + "\"");
            }
        }
        return entries;
    }

    /**
     * {@code permitopen="host:port"} and {@code permitlisten="[host:]port"}: IPv6 hosts in brackets, port a number
     * or {@code *}; a bare permitlisten port listens on any host ({@code *}), as OpenSSH reads it.
     */
    static ForwardTarget target(OptionsParser parser, String name, String value, boolean listen)
            throws AuthorizedKeysException {
        String host;
        String port;
        if (value.startsWith("[")) {
            int close = value.indexOf("]:");
            if (close < 0) {
                throw parser.error(name + " must be [address]:port");
            }
            host = value.substring(1, close);
            port = value.substring(close + 2);
        } else {
            int colon = value.lastIndexOf(':');
            if (colon < 0 && !listen) {
                throw parser.error(name + " must be host:port");
            }
            host = colon < 0 ? "*" : value.substring(0, colon);
            port = value.substring(colon + 1);
        }
        if (host.isEmpty() || host.indexOf(':') >= 0 && !value.startsWith("[")) {
            throw parser.error(name + " has an invalid host");
        }
        return new ForwardTarget(host, port(parser, name, port));
    }

    private static int port(OptionsParser parser, String name, String port) throws AuthorizedKeysException {
        if (port.equals("*")) {
            return ForwardTarget.ANY_PORT;
        }
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw parser.error(name + " has an invalid port \"" + port + "\"");
        }
        int value = Integer.parseInt(port);
        if (value < 1 || value > 65535) {
            throw parser.error(name + " port out of range");
        }
        return value;
    }

    /** {@code tunnel="n"}: a non-negative tun device number. */
    static int tunnel(OptionsParser parser, String value) throws AuthorizedKeysException {
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw parser.error("tunnel must be a device number");
        }
        return Integer.parseInt(value);
    }
}
