package org.sshstack.keys.knownhosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.testing.PeerTools;

/** Agreement with {@code ssh-keygen -H} (hashing) and {@code ssh-keygen -F} (lookup). */
class KnownHostsInteropTest {

    private static final List<String[]> HOSTS = List.of(
            new String[] {"alpha.example.com", "22"}, new String[] {"beta.example.com", "2222"},
            new String[] {"192.0.2.7", "22"}, new String[] {"gamma.example.net", "22"},
            new String[] {"delta.example.net", "22"});

    @Test
    void linesHashedBySshKeygenMatch(@TempDir Path dir) throws Exception {
        String ed = KnownHostsTest.keyText("ed25519_1.pub");
        String ecdsa = KnownHostsTest.keyText("ecdsa_1.pub");
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "alpha.example.com " + ed + "\n[beta.example.com]:2222 " + ecdsa + "\n"
                + "192.0.2.7 " + ed + "\ngamma.example.net,delta.example.net " + ecdsa + "\n");
        PeerTools.run("ssh-keygen", "-H", "-f", file.toString()).assertSuccess();
        KnownHosts hashed = KnownHosts.read(file, false);
        assertThat(hashed.entries()).hasSize(5).allMatch(KnownHostsEntry::isHashed);
        for (String[] host : HOSTS) {
            int port = Integer.parseInt(host[1]);
            SshPublicKey expected = host[0].startsWith("alpha") || host[0].startsWith("192")
                    ? KnownHostsTest.key("ed25519_1.pub") : KnownHostsTest.key("ecdsa_1.pub");
            assertThat(hashed.lookup(host[0], port, expected).status()).as(host[0]).isEqualTo(HostKeyStatus.MATCH);
        }
        assertThat(hashed.lookup("beta.example.com", 22, KnownHostsTest.key("ecdsa_1.pub")).status())
                .isEqualTo(HostKeyStatus.UNKNOWN);
    }

    @Test
    void lookupsAgreeWithSshKeygenF(@TempDir Path dir) throws Exception {
        String ed = KnownHostsTest.keyText("ed25519_1.pub");
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "# test\n*.example.com,!secret.example.com " + ed + "\n"
                + "[db?.example.org]:5432 " + ed + "\nexact.example.org " + ed + "\n");
        KnownHosts hosts = KnownHosts.read(file, false);
        SshPublicKey key = KnownHostsTest.key("ed25519_1.pub");
        for (String name : List.of("www.example.com", "secret.example.com", "example.com", "[db1.example.org]:5432",
                "[db12.example.org]:5432", "db1.example.org", "exact.example.org", "EXACT.example.org",
                "[exact.example.org]:2222")) {
            boolean theirs = PeerTools.run("ssh-keygen", "-F", name, "-f", file.toString()).exitCode() == 0;
            String host = name.startsWith("[") ? name.substring(1, name.indexOf(']')) : name;
            int port = name.startsWith("[") ? Integer.parseInt(name.substring(name.indexOf("]:") + 2)) : 22;
            boolean ours = hosts.lookup(host, port, key).status() == HostKeyStatus.MATCH;
            assertThat(ours).as(name).isEqualTo(theirs);
        }
    }

    @Test
    void ourHashedAppendIsFoundBySshKeygen(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "other.example.com " + KnownHostsTest.keyText("rsa_2.pub")); // no final newline
        SecureRandom random = new SecureRandom();
        KnownHostsWriter.append(file, KnownHostsWriter.line("new.example.com", 22,
                KnownHostsTest.key("ed25519_1.pub"), random));
        KnownHostsWriter.append(file, KnownHostsWriter.line("new.example.com", 2200,
                KnownHostsTest.key("ecdsa_1.pub"), random));
        assertThat(PeerTools.run("ssh-keygen", "-F", "new.example.com", "-f", file.toString()).assertSuccess().stdout())
                .contains("ssh-ed25519");
        assertThat(PeerTools.run("ssh-keygen", "-F", "[new.example.com]:2200", "-f", file.toString())
                .assertSuccess().stdout()).contains("ecdsa-sha2-nistp256");
        assertThat(PeerTools.run("ssh-keygen", "-F", "other.example.com", "-f", file.toString()).exitCode()).isZero();
        assertThat(KnownHosts.read(file, false).entries()).hasSize(3);
    }
}
