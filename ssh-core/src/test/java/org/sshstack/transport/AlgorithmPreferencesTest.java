package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sshstack.wire.KexProposal;

/** Default algorithm lists: the golden file, the weak-name ban of SECURITY.md B10, and the builder's checks. */
class AlgorithmPreferencesTest {

    /** SECURITY.md B10: none of these may appear in a default cipher, MAC, kex or host key list. */
    private static final Pattern WEAK = Pattern.compile(
            ".*-cbc|3des.*|arcfour.*|blowfish.*|none|hmac-md5.*|.*-96|hmac-sha1.*|ssh-dss|ssh-rsa"
                    + "|diffie-hellman-group1-sha1|diffie-hellman-group14-sha1|.*-gex-sha1"
                    + "|diffie-hellman-group-exchange-sha1|rsa1024-sha1");

    @Test
    void defaultsMatchTheGoldenFile() throws IOException {
        List<String> actual = new ArrayList<>();
        for (Role role : Role.values()) {
            String side = role.name().toLowerCase(java.util.Locale.ROOT);
            KexProposal p = AlgorithmPreferences.defaults(role).proposal(role, true);
            assertThat(p.ciphersServerToClient()).isEqualTo(p.ciphersClientToServer());
            assertThat(p.macsServerToClient()).isEqualTo(p.macsClientToServer());
            assertThat(p.compressionServerToClient()).isEqualTo(p.compressionClientToServer());
            assertThat(p.languagesClientToServer()).isEmpty();
            assertThat(p.languagesServerToClient()).isEmpty();
            actual.add(side + ".kex_algorithms=" + String.join(",", p.kexAlgorithms()));
            actual.add(side + ".server_host_key_algorithms=" + String.join(",", p.serverHostKeyAlgorithms()));
            actual.add(side + ".encryption_algorithms=" + String.join(",", p.ciphersClientToServer()));
            actual.add(side + ".mac_algorithms=" + String.join(",", p.macsClientToServer()));
            actual.add(side + ".compression_algorithms=" + String.join(",", p.compressionClientToServer()));
        }
        assertThat(actual).containsExactlyElementsOf(golden());
    }

    private static List<String> golden() throws IOException {
        try (InputStream in = AlgorithmPreferencesTest.class.getResourceAsStream("default-algorithms.txt")) {
            assertThat(in).as("golden file on the test classpath").isNotNull();
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
            return lines;
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void noWeakNameIsOfferedByDefault(Role role) {
        AlgorithmPreferences defaults = AlgorithmPreferences.defaults(role);
        List<String> names = new ArrayList<>();
        names.addAll(defaults.kex());
        names.addAll(defaults.hostKeys());
        names.addAll(defaults.ciphers());
        names.addAll(defaults.macs());
        assertThat(names).noneMatch(name -> WEAK.matcher(name).matches());
        assertThat(defaults.compression()).doesNotContain("zlib").containsExactly("none");
        assertThat(defaults.insecureNames()).isEmpty();
    }

    @Test
    void everyOptInNameIsCaughtByTheWeakPattern() {
        List<String> optIn = new ArrayList<>();
        optIn.addAll(AlgorithmNames.INSECURE_KEX);
        optIn.addAll(AlgorithmNames.INSECURE_HOST_KEY);
        optIn.addAll(AlgorithmNames.INSECURE_CIPHER);
        optIn.addAll(AlgorithmNames.INSECURE_MAC);
        assertThat(optIn).allMatch(name -> WEAK.matcher(name).matches());
    }

    @Test
    void insecureNamesAreUsedOnlyWhenNamed() {
        AlgorithmPreferences legacy = AlgorithmPreferences.builder(Role.CLIENT)
                .kex("curve25519-sha256", "diffie-hellman-group14-sha1")
                .hostKeys("ssh-ed25519", "ssh-rsa")
                .ciphers("aes128-ctr", "aes128-cbc", "3des-cbc")
                .macs("hmac-sha2-256", "hmac-sha1")
                .compression("none", "zlib@openssh.com")
                .build();
        assertThat(legacy.insecureNames()).containsExactly("diffie-hellman-group14-sha1", "ssh-rsa", "aes128-cbc",
                "3des-cbc", "hmac-sha1");
        assertThat(legacy.proposal(Role.CLIENT, true).compressionClientToServer())
                .containsExactly("none", "zlib@openssh.com");
    }

    @Test
    void unknownDuplicateEmptyAndPseudoNamesAreRefused() {
        assertThatThrownBy(() -> AlgorithmPreferences.builder(Role.SERVER).ciphers("aes128-cbc ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown cipher");
        assertThatThrownBy(() -> AlgorithmPreferences.builder(Role.SERVER).macs("hmac-sha2-256", "hmac-sha2-256")
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> AlgorithmPreferences.builder(Role.SERVER).hostKeys().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> AlgorithmPreferences.builder(Role.CLIENT).kex("ext-info-c").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlgorithmPreferences.builder(Role.CLIENT).compression("deflate").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void markersAreAppendedOnlyToTheInitialKexinit() {
        AlgorithmPreferences client = AlgorithmPreferences.clientDefaults();
        assertThat(client.proposal(Role.CLIENT, true).kexAlgorithms())
                .endsWith("ext-info-c", "kex-strict-c-v00@openssh.com");
        assertThat(client.proposal(Role.CLIENT, false).kexAlgorithms()).isEqualTo(client.kex());
        assertThat(AlgorithmPreferences.serverDefaults().proposal(Role.SERVER, true).kexAlgorithms())
                .endsWith("ext-info-s", "kex-strict-s-v00@openssh.com");
    }

    @Test
    void secureAndOptInListsAreDisjoint() {
        assertThat(AlgorithmNames.KEX).doesNotContainAnyElementsOf(AlgorithmNames.INSECURE_KEX);
        assertThat(AlgorithmNames.HOST_KEY).doesNotContainAnyElementsOf(AlgorithmNames.INSECURE_HOST_KEY);
        assertThat(AlgorithmNames.CIPHER).doesNotContainAnyElementsOf(AlgorithmNames.INSECURE_CIPHER);
        assertThat(AlgorithmNames.MAC).doesNotContainAnyElementsOf(AlgorithmNames.INSECURE_MAC);
        assertThat(AlgorithmNames.KEX).noneMatch(AlgorithmNames::isPseudo);
    }
}
