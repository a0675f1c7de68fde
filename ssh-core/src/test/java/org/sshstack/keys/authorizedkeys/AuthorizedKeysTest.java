package org.sshstack.keys.authorizedkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.SecurityKeyPublicKey;
import org.sshstack.keys.TrustTestSupport;

/** authorized_keys: every option of a realistic file typed, restrict semantics, and malformed lines. */
class AuthorizedKeysTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static String sample() throws Exception {
        return TrustTestSupport.resource("authorizedkeys/authorized_keys");
    }

    private static AuthorizedKey line(AuthorizedKeys keys, int lineNumber) {
        return keys.keys().stream().filter(k -> k.lineNumber() == lineNumber).findFirst().orElseThrow();
    }

    @Test
    void everyOptionOfARealisticFileIsTyped() throws Exception {
        AuthorizedKeys keys = AuthorizedKeys.parse(sample(), false, BERLIN);
        assertThat(keys.keys()).extracting(AuthorizedKey::lineNumber)
                .containsExactly(4, 6, 8, 10, 12, 14, 15, 17, 19, 20);

        AuthorizedKey plain = line(keys, 4);
        assertThat(plain.options()).isEqualTo(AuthorizedKeyOptions.NONE);
        assertThat(plain.comment()).isEqualTo("alice@laptop");
        assertThat(plain.key().keyType()).isEqualTo(KeyType.ED25519);

        AuthorizedKeyOptions backup = line(keys, 6).options();
        assertThat(backup.restrict()).isTrue();
        assertThat(backup.command()).contains("dump /home");
        assertThat(backup.permissions()).isEqualTo(KeyPermissions.RESTRICTED);

        assertThat(line(keys, 8).options().permitOpen()).containsExactly(new ForwardTarget("192.0.2.1", 80),
                new ForwardTarget("2001:db8::1", ForwardTarget.ANY_PORT));
        assertThat(line(keys, 10).options().permitListen()).containsExactly(new ForwardTarget("localhost", 8080),
                new ForwardTarget("::1", 22000), new ForwardTarget("*", 2222));

        AuthorizedKeyOptions tunnel = line(keys, 12).options();
        assertThat(tunnel.tunnel()).isEqualTo(OptionalInt.of(0));
        // only \" is an escape (OpenSSH opt_dequote), so the file's \\\" reads as two backslashes and a quote
        assertThat(tunnel.command()).contains("sh -c \"echo \\\\\"hi\\\\\"\"");
        assertThat(line(keys, 12).comment()).isEqualTo("tunnel user");

        AuthorizedKeyOptions many = line(keys, 14).options();
        assertThat(many.permissions()).isEqualTo(new KeyPermissions(false, false, true, true, false));
        assertThat(many.environment()).containsExactly("LANG=C", "TZ=UTC");
        assertThat(many.expiryTime()).contains(Instant.parse("2029-12-31T23:00:00Z")); // midnight in Berlin
        assertThat(many.from()).containsExactly("*.example.com", "!bad.example.com", "10.0.0.0/8", "2001:db8::/32");

        AuthorizedKeyOptions old = line(keys, 15).options();
        assertThat(old.permissions()).isEqualTo(new KeyPermissions(false, false, false, false, true));
        assertThat(old.expiryTime()).contains(Instant.parse("2030-01-02T15:30:00Z"));
        assertThat(old.expired(Instant.parse("2030-01-02T15:30:00Z"))).isTrue();
        assertThat(old.expired(Instant.parse("2030-01-02T15:29:59Z"))).isFalse();

        AuthorizedKey fido = line(keys, 17);
        assertThat(fido.key()).isInstanceOf(SecurityKeyPublicKey.class);
        assertThat(fido.options().noTouchRequired()).isTrue();
        assertThat(fido.options().verifyRequired()).isTrue();

        AuthorizedKeyOptions ca = line(keys, 19).options();
        assertThat(ca.certAuthority()).isTrue();
        assertThat(ca.principals()).contains(List.of("user_a", "user_b"));
        assertThat(keys.certificateAuthorities()).extracting(AuthorizedKey::lineNumber).containsExactly(19);
        assertThat(keys.forKey(line(keys, 19).key())).extracting(AuthorizedKey::lineNumber).containsExactly(6, 14);

        AuthorizedKeyOptions reenable = line(keys, 20).options();
        assertThat(reenable.permissions()).isEqualTo(KeyPermissions.UNRESTRICTED);
        assertThat(reenable.expiryTime()).contains(Instant.parse("2030-01-01T11:30:45Z"));
    }

    @Test
    void restrictAfterAFlagDisablesItAgain() throws Exception {
        String key = sample().lines().filter(l -> l.startsWith("ssh-ed25519")).findFirst().orElseThrow();
        AuthorizedKeys keys = AuthorizedKeys.parse("pty,restrict " + key + "\nrestrict,pty " + key, false,
                ZoneOffset.UTC);
        assertThat(keys.keys().get(0).options().permissions().pty()).isFalse();
        assertThat(keys.keys().get(1).options().permissions().pty()).isTrue();
        assertThat(keys.keys().get(1).options().permissions().portForwarding()).isFalse();
    }

    @Test
    void malformedLinesAreReportedWithTheirNumber() throws Exception {
        String key = sample().lines().filter(l -> l.startsWith("ssh-ed25519")).findFirst().orElseThrow();
        String[] bad = {
            "unknown-option " + key, "command=\"unterminated " + key, "command=noquotes " + key,
            "command=\"a\",command=\"b\" " + key, "pty=\"1\" " + key, "environment=\"NOEQUALS\" " + key,
            "environment=\"BAD-NAME=1\" " + key, "expiry-time=\"2030\" " + key, "expiry-time=\"20301301\" " + key,
            "from=\"10.0.0.1/8\" " + key, "from=\",a\" " + key, "permitopen=\"host\" " + key,
            "permitopen=\"host:0\" " + key, "permitopen=\"host:99999\" " + key, "permitlisten=\"[::1\" " + key,
            "tunnel=\"x\" " + key, "principals=\"\" " + key, "restrict", "ssh-unknown AAAA comment",
            "pty ssh-ed25519 !!!!", "pty ssh-rsa " + key.split(" ")[1], "pty,,no-pty " + key, "x".repeat(70_000)};
        for (String line : bad) {
            String text = key + "\n\n" + line + "\n" + key + "\n";
            assertThatThrownBy(() -> AuthorizedKeys.parse(text, false, ZoneOffset.UTC)).as(line)
                    .isInstanceOfSatisfying(AuthorizedKeysException.class,
                            e -> assertThat(e.lineNumber()).isEqualTo(3));
            AuthorizedKeys lenient = AuthorizedKeys.parse(text, true, ZoneOffset.UTC);
            assertThat(lenient.skippedLines()).as(line).containsExactly(3);
            assertThat(lenient.keys()).extracting(AuthorizedKey::lineNumber).containsExactly(1, 4);
        }
    }

    @Test
    void fromPatterns() {
        List<String> from = List.of("*.example.com", "!bad.example.com", "10.0.0.0/8", "2001:db8::/32", "192.0.2.?");
        assertThat(FromPatterns.permits(from, "host.example.com", "203.0.113.1")).isTrue();
        assertThat(FromPatterns.permits(from, "bad.example.com", "10.1.1.1")).isFalse();
        assertThat(FromPatterns.permits(from, null, "10.200.0.1")).isTrue();
        assertThat(FromPatterns.permits(from, null, "11.0.0.1")).isFalse();
        assertThat(FromPatterns.permits(from, null, "2001:db8:1::5")).isTrue();
        assertThat(FromPatterns.permits(from, null, "2001:db9::5")).isFalse();
        assertThat(FromPatterns.permits(from, null, "192.0.2.7")).isTrue();
        assertThat(FromPatterns.permits(List.of("!10.0.0.0/8", "*"), null, "10.0.0.1")).isFalse();
    }
}
