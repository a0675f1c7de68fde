package org.sshstack.keys.authorizedkeys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.sshstack.keys.AddressMatcher;

/**
 * Parses the comma-separated options field of an authorized_keys line (sshd(8)): keywords case-insensitive, values
 * in double quotes with {@code \"} as the only escape, options applied left to right. Unknown options and duplicate
 * single-valued options reject the line, as OpenSSH does.
 */
final class OptionsParser {

    private final int line;
    private final String text;
    private final java.time.ZoneId zone;
    private int pos;

    private boolean certAuthority;
    private String command;
    private final List<String> environment = new ArrayList<>();
    private Instant expiry;
    private List<String> from;
    private final List<ForwardTarget> permitOpen = new ArrayList<>();
    private final List<ForwardTarget> permitListen = new ArrayList<>();
    private List<String> principals;
    private Integer tunnel;
    private boolean restrict;
    private boolean noTouchRequired;
    private boolean verifyRequired;
    private final boolean[] allow = {true, true, true, true, true}; // port, agent, X11, pty, user-rc

    private OptionsParser(int line, String text, java.time.ZoneId zone) {
        this.line = line;
        this.text = text;
        this.zone = zone;
    }

    static AuthorizedKeyOptions parse(int line, String text, java.time.ZoneId zone) throws AuthorizedKeysException {
        OptionsParser parser = new OptionsParser(line, text, zone);
        parser.parseAll();
        return parser.result();
    }

    private void parseAll() throws AuthorizedKeysException {
        while (true) {
            String name = readName().toLowerCase(Locale.ROOT);
            String value = null;
            if (pos < text.length() && text.charAt(pos) == '=') {
                pos++;
                value = readQuoted(name);
            }
            apply(name, value);
            if (pos == text.length()) {
                return;
            }
            if (text.charAt(pos) != ',') {
                throw error("expected ',' after option " + name);
            }
            pos++;
        }
    }

    private String readName() throws AuthorizedKeysException {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '-')
                && text.charAt(pos) < 0x80) {
            pos++;
        }
        if (start == pos) {
            throw error("empty or invalid option name");
        }
        return text.substring(start, pos);
    }

    private String readQuoted(String name) throws AuthorizedKeysException {
        if (pos >= text.length() || text.charAt(pos) != '"') {
            throw error("value of " + name + " must be in double quotes");
        }
        StringBuilder value = new StringBuilder();
        for (pos++; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                value.append('"');
                pos++;
            } else if (c == '"') {
                pos++;
                return value.toString();
            } else {
                value.append(c);
            }
        }
        throw error("unterminated quoted value of " + name);
    }

    private void apply(String name, String value) throws AuthorizedKeysException {
        int flag = flagIndex(name);
        if (flag >= 0) {
            requireNoValue(name, value);
            allow[flag] = !name.startsWith("no-");
            return;
        }
        switch (name) {
            case "restrict" -> {
                requireNoValue(name, value);
                restrict = true;
                java.util.Arrays.fill(allow, false);
            }
            case "cert-authority" -> certAuthority = flag(name, value);
            case "no-touch-required" -> noTouchRequired = flag(name, value);
            case "verify-required" -> verifyRequired = flag(name, value);
            case "command" -> command = once(name, command, required(name, value));
            case "environment" -> environment.add(OptionValues.environment(this, required(name, value)));
            case "expiry-time" -> expiry = earliest(expiry, OptionValues.expiry(this, required(name, value), zone));
            case "from" -> from = once(name, from, OptionValues.patterns(this, name, required(name, value)));
            case "principals" -> principals = once(name, principals,
                    OptionValues.patterns(this, name, required(name, value)));
            case "permitopen" -> permitOpen.add(OptionValues.target(this, name, required(name, value), false));
            case "permitlisten" -> permitListen.add(OptionValues.target(this, name, required(name, value), true));
            case "tunnel" -> tunnel = once(name, tunnel, OptionValues.tunnel(this, required(name, value)));
            default -> throw error("unknown option " + name);
        }
    }

    private static int flagIndex(String name) {
        String base = name.startsWith("no-") ? name.substring(3) : name;
        return switch (base) {
            case "port-forwarding" -> 0;
            case "agent-forwarding" -> 1;
            case "x11-forwarding" -> 2;
            case "pty" -> 3;
            case "user-rc" -> 4;
            default -> -1;
        };
    }

    private boolean flag(String name, String value) throws AuthorizedKeysException {
        requireNoValue(name, value);
        return true;
    }

    private void requireNoValue(String name, String value) throws AuthorizedKeysException {
        if (value != null) {
            throw error(name + " takes no value");
        }
    }

    private String required(String name, String value) throws AuthorizedKeysException {
        if (value == null) {
            throw error(name + " needs a quoted value");
        }
        return value;
    }

    private <T> T once(String name, T previous, T value) throws AuthorizedKeysException {
        if (previous != null) {
            throw error("more than one " + name + " option");
        }
        return value;
    }

    private static Instant earliest(Instant previous, Instant value) {
        return previous == null || value.isBefore(previous) ? value : previous;
    }

    AuthorizedKeysException error(String message) {
        return new AuthorizedKeysException(line, message);
    }

    private AuthorizedKeyOptions result() {
        return new AuthorizedKeyOptions(certAuthority, Optional.ofNullable(command), environment,
                Optional.ofNullable(expiry), from == null ? List.of() : from, permitOpen, permitListen,
                Optional.ofNullable(principals), tunnel == null ? OptionalInt.empty() : OptionalInt.of(tunnel),
                restrict, noTouchRequired, verifyRequired,
                new KeyPermissions(allow[0], allow[1], allow[2], allow[3], allow[4]));
    }

    /** @return true if the pattern is a valid {@code from=} entry (CIDR entries must be valid blocks) */
    static boolean validFromEntry(String entry) {
        String body = entry.startsWith("!") ? entry.substring(1) : entry;
        return !body.isEmpty() && (body.indexOf('/') < 0 || AddressMatcher.isValidCidr(body));
    }
}
