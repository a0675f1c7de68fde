package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.testing.PeerTools;
import org.sshstack.transport.AlgorithmNames;
import org.sshstack.transport.AlgorithmPreferences;
import org.sshstack.transport.NegotiatedAlgorithms;
import org.sshstack.transport.Role;
import org.sshstack.wire.KexProposal;

/**
 * PuTTY plink against OUR server once per algorithm both sides know. plink picks families, not names (saved-session
 * settings, {@link PlinkFamilies}), so each run puts the name's family alone above {@code WARN} (batch mode refuses
 * the rest) and our server offers only that one name in its category; MACs, which plink cannot configure, are picked
 * by the server alone (with AES-128-CTR so no AEAD cipher makes the MAC moot). Which names plink speaks comes from
 * its own KEXINIT with every family enabled. Each run must reach the authentication stage (plink's log, our
 * server's USERAUTH_REQUEST count) with the name negotiated (our engine) and plink's log describing it.
 */
class PlinkAgainstOurServerSweepTest {

    private static final String AES128_CTR = "aes128-ctr";

    @Test
    void plinkReachesAuthenticationWithEveryAlgorithmItSupports(@TempDir Path dir) throws Exception {
        PeerTools.require("plink");
        KexProposal plink = plinkOffer(Files.createDirectories(dir.resolve("probe")));
        InteropReport report = new InteropReport("plink 0.78 sweep -> sshstack");
        Map<String, String> failures = new LinkedHashMap<>();
        try (OurServer server = OurServer.start(dir, PeerClientsAgainstOurServerTest.EVERYTHING)) {
            PlinkSweepRun runner = new PlinkSweepRun(dir, server);
            for (String category : PythonClientSweep.FAMILIES) {
                List<String> ours = PythonClientSweep.ours(category);
                List<String> theirs = names(plink, category);
                for (String name : ours) {
                    if (!theirs.contains(name)) {
                        report.row(category, name, "not supported by peer");
                    } else {
                        runner.run(category, name, report, failures);
                    }
                }
                for (String name : theirs) {
                    if (!ours.contains(name)) {
                        report.row(category, name, "not supported by us" + familyNote(category, name));
                    }
                }
            }
            report.write();
            assertThat(failures).isEmpty();
            assertThat(server.authRequests()).isPositive();
        }
    }

    private static String familyNote(String category, String name) {
        return category.equals("mac") ? "" : " (plink family " + PlinkFamilies.family(category, name) + ")";
    }

    /** plink's own KEXINIT, with every family it has enabled, read by a server that stops after the opening. */
    private static KexProposal plinkOffer(Path dir) throws Exception {
        try (FakeKexServer fake = FakeKexServer.start(KexProbe.ourKexInit(Role.SERVER))) {
            PeerTools.Result result = PlinkClient.create(dir).session("everything", PlinkFamilies.everything())
                    .run(fake.port(), "tester");
            KexProposal offer = fake.opening().kexInit().proposal();
            assertThat(offer.kexAlgorithms()).as(result.stderr()).isNotEmpty();
            return offer;
        }
    }

    /** @return the names plink offers in a category, pseudo-algorithms (ext-info, strict kex) left out */
    private static List<String> names(KexProposal offer, String category) {
        List<String> names = new ArrayList<>(switch (category) {
            case "kex" -> offer.kexAlgorithms();
            case "hostkey" -> offer.serverHostKeyAlgorithms();
            case "cipher" -> offer.ciphersClientToServer();
            default -> offer.macsClientToServer();
        });
        names.removeIf(AlgorithmNames.PSEUDO_ALGORITHMS::contains);
        return names;
    }

    /** @return what a run must show in our engine: the name negotiated in its category (client to server) */
    static String negotiated(NegotiatedAlgorithms n, String category) {
        return switch (category) {
            case "kex" -> n.kex();
            case "hostkey" -> n.hostKey();
            case "cipher" -> n.clientToServer().cipher();
            default -> n.clientToServer().mac().orElse("(aead)");
        };
    }

    /** @return our server's offer with one category cut down to one name (and AES-128-CTR for a MAC run) */
    static AlgorithmPreferences onlyOne(String category, String name) {
        AlgorithmPreferences all = PeerClientsAgainstOurServerTest.EVERYTHING;
        return new AlgorithmPreferences(category.equals("kex") ? List.of(name) : all.kex(),
                category.equals("hostkey") ? List.of(name) : all.hostKeys(),
                category.equals("cipher") ? List.of(name) : category.equals("mac") ? List.of(AES128_CTR)
                        : all.ciphers(),
                category.equals("mac") ? List.of(name) : all.macs(), all.compression());
    }
}
