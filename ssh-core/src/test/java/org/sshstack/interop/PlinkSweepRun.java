package org.sshstack.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sshstack.testing.PeerTools;

/**
 * One plink run of {@link PlinkAgainstOurServerSweepTest}: our server cut down to one name, plink's saved session
 * putting that name's family alone above {@code WARN}, and the checks on plink's verbose log and our engine.
 */
final class PlinkSweepRun {

    private final Path dir;
    private final OurServer server;
    private final List<String> fingerprints = new ArrayList<>();
    private int sessions;

    PlinkSweepRun(Path dir, OurServer server) throws Exception {
        this.dir = dir;
        this.server = server;
        for (Path pub : server.publicKeyFiles().values()) {
            fingerprints.add(HostKeys.sha256Fingerprint(pub));
        }
    }

    /**
     * Runs plink once restricted to one name and records the row (and the log's tail on failure).
     *
     * @param category "kex", "hostkey", "cipher" or "mac"
     * @param name the algorithm both sides know
     * @param report the matrix
     * @param failures "category name" to why
     */
    void run(String category, String name, InteropReport report, Map<String, String> failures) throws Exception {
        server.offer(PlinkAgainstOurServerSweepTest.onlyOne(category, name));
        int connectionsBefore = server.connections().size();
        int authBefore = server.authRequests();
        PlinkClient client = PlinkClient.create(dir).verbose();
        fingerprints.forEach(client::hostKey);
        if (!category.equals("mac")) {
            client.session("s" + sessions++, PlinkFamilies.only(category,
                    PlinkFamilies.family(category, name)));
        }
        PeerTools.Result result = client.run(server.port(), "tester", "true");
        String log = result.stderr() + result.stdout();
        String used = server.connections().size() > connectionsBefore
                ? server.connections().get(connectionsBefore).withEngine(e -> e.negotiatedAlgorithms())
                        .map(n -> PlinkAgainstOurServerSweepTest.negotiated(n, category)).orElse("(none)")
                : "(no connection)";
        Optional<String> evidence = PlinkLog.evidence(log, category, name);
        boolean ok = used.equals(name) && server.authRequests() > authBefore
                && log.contains(PlinkLog.REACHED_AUTHENTICATION) && evidence.isPresent();
        report.row(category, name, ok ? "pass (" + evidence.get().replaceAll(" \\([^)]*accelerated\\)", "") + ")"
                : "FAIL (negotiated " + used + ", log line " + evidence.orElse("missing") + ")");
        if (!ok) {
            failures.put(category + " " + name, log);
        }
    }
}
