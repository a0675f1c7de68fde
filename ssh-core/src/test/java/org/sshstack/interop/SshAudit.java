package org.sshstack.interop;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sshstack.testing.PeerTools;

/**
 * Runs {@code ssh-audit -n -p port 127.0.0.1} (no colours) and parses its {@code [fail]} and {@code [warn]} notes.
 * ssh-audit 2.5.0 exits 0 (clean), 1 (connection error), 2 (warnings) or 3 (failures) (SECURITY.md §4.1).
 */
public final class SshAudit {

    // "(kex) ecdh-sha2-nistp256   -- [fail] using weak elliptic curves"; the name may be followed by "(3072-bit)"
    private static final Pattern FIRST = Pattern.compile(
            "^\\((\\w+)\\) (\\S+)(?: \\([^)]*\\))?\\s+-- \\[(\\w+)\\] (.*)$");
    // a further note on the same algorithm: "          `- [warn] using small 64-bit tag size"
    private static final Pattern MORE = Pattern.compile("^\\s+`- \\[(\\w+)\\] (.*)$");

    private SshAudit() {
    }

    /**
     * One fail or warn note.
     *
     * @param category ssh-audit's section tag: "kex", "key", "enc", "mac"
     * @param algorithm the algorithm name
     * @param level "fail" or "warn"
     * @param note the text after the level
     */
    public record Finding(String category, String algorithm, String level, String note) {
    }

    /**
     * What ssh-audit reported.
     *
     * @param exitCode its exit code
     * @param output its standard output
     * @param findings every fail and warn note, in output order
     */
    public record Report(int exitCode, String output, List<Finding> findings) {

        /** Copies the list. */
        public Report {
            findings = List.copyOf(findings);
        }

        /**
         * @param level "fail" or "warn"
         * @return the findings of that level
         */
        public List<Finding> withLevel(String level) {
            return findings.stream().filter(f -> f.level().equals(level)).toList();
        }
    }

    /**
     * Audits a server on 127.0.0.1.
     *
     * @param port its port
     * @return the report
     */
    public static Report audit(int port) throws IOException, InterruptedException {
        PeerTools.Result result = PeerTools.runIn(null, Map.of(), Duration.ofSeconds(30), null,
                "ssh-audit", "-n", "-t", "10", "-p", Integer.toString(port), Loopback.HOST);
        return new Report(result.exitCode(), result.stdout(), parse(result.stdout()));
    }

    /**
     * @param output ssh-audit's text output
     * @return its fail and warn notes, continuation lines attributed to the algorithm above them
     */
    public static List<Finding> parse(String output) {
        List<Finding> findings = new ArrayList<>();
        String category = null;
        String algorithm = null;
        for (String line : output.split("\\R")) {
            Matcher first = FIRST.matcher(line);
            Matcher more = MORE.matcher(line);
            String level;
            String note;
            if (first.matches()) {
                category = first.group(1);
                algorithm = first.group(2);
                level = first.group(3);
                note = first.group(4);
            } else if (more.matches() && algorithm != null) {
                level = more.group(1);
                note = more.group(2);
            } else {
                if (!line.startsWith(" ")) {
                    algorithm = null; // a line of another shape ends the algorithm's notes
                }
                continue;
            }
            if (level.equals("fail") || level.equals("warn")) {
                findings.add(new Finding(category, algorithm, level, note.strip()));
            }
        }
        return findings;
    }
}
