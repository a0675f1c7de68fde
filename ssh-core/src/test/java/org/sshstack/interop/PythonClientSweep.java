package org.sshstack.interop;

import java.util.List;
import java.util.Map;
import org.sshstack.testing.PeerTools;

/**
 * One-algorithm-at-a-time sweep of a Python client (paramiko or AsyncSSH) against our server: for every name our
 * server offers, either a "not supported by peer" row or one connection restricted to that name, which must reach
 * the authentication stage (the client's log) and name the algorithm as negotiated.
 */
final class PythonClientSweep {

    /** The families swept, in report order. */
    static final List<String> FAMILIES = List.of("kex", "hostkey", "cipher", "mac");

    /** Runs one restricted connection. */
    interface Connect {
        /**
         * @param family "kex", "hostkey", "cipher" or "mac"
         * @param name the only algorithm of that family the client may offer
         * @return the client's result (stdout: algorithm lines, stderr: debug log)
         */
        PeerTools.Result run(String family, String name) throws Exception;
    }

    /** Decides whether one run reached authentication with the algorithm negotiated. */
    interface Check {
        /**
         * @param family the family swept
         * @param name the algorithm
         * @param result the client's result
         * @return true when the run passes
         */
        boolean passed(String family, String name, PeerTools.Result result);
    }

    private PythonClientSweep() {
    }

    /**
     * @param server our server
     * @param supported the client's algorithms by family
     * @param connect runs one connection
     * @param check judges one run
     * @param report receives one row per algorithm
     * @param failures receives "family name" to the log's tail for each failure
     */
    static void sweep(OurServer server, Map<String, List<String>> supported, Connect connect, Check check,
            InteropReport report, Map<String, String> failures) throws Exception {
        for (String family : FAMILIES) {
            List<String> theirs = supported.getOrDefault(family, List.of());
            for (String name : ours(family)) {
                if (!theirs.contains(name)) {
                    report.row(family, name, "not supported by peer");
                    continue;
                }
                PeerTools.Result result = connect.run(family, name);
                boolean ok = check.passed(family, name, result);
                report.row(family, name, ok ? "pass" : "FAIL");
                if (!ok) {
                    failures.put(family + " " + name, tail(result.stdout() + result.stderr()));
                }
            }
        }
    }

    /** @return the names our server (configured with everything) offers in a family */
    static List<String> ours(String family) {
        return switch (family) {
            case "kex" -> PeerClientsAgainstOurServerTest.EVERYTHING.kex();
            case "hostkey" -> PeerClientsAgainstOurServerTest.EVERYTHING.hostKeys();
            case "cipher" -> PeerClientsAgainstOurServerTest.EVERYTHING.ciphers();
            default -> PeerClientsAgainstOurServerTest.EVERYTHING.macs();
        };
    }

    /**
     * @param algorithms a client script's algorithm lines by family
     * @param family the family
     * @param name the expected algorithm
     * @return true when the script's "family: ..." line names it (both directions for cipher and mac)
     */
    static boolean printed(Map<String, String> algorithms, String family, String name) {
        String line = algorithms.get(family);
        return line != null && List.of(line.split(" ")).stream().allMatch(name::equals);
    }

    private static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
