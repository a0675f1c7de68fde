package org.sshstack.keys.openssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.SshPublicKey;

/** The one-line public key form and RFC 4716 files. */
class PublicKeyFormatsTest {

    private final SshPublicKey key = KeyGenerator.ed25519("", new SecureRandom()).publicKey();

    @Test
    void oneLineRoundTripsWithAndWithoutComment() throws Exception {
        String line = OpenSshPublicKeyFile.format(key, "me@host  with spaces");
        OpenSshPublicKeyFile.Entry entry = OpenSshPublicKeyFile.parseLine(line);
        assertThat(entry.key()).isEqualTo(key);
        assertThat(entry.comment()).isEqualTo("me@host  with spaces");
        assertThat(OpenSshPublicKeyFile.parseLine(OpenSshPublicKeyFile.format(key, null)).comment()).isEmpty();
        assertThat(OpenSshPublicKeyFile.read("# comment\n\n" + line.replace(' ', '\t') + "\n").key()).isEqualTo(key);
    }

    @Test
    void oneLineRejectsMismatchedTypeAndGarbage() {
        String line = OpenSshPublicKeyFile.format(key, "x");
        assertThatThrownBy(() -> OpenSshPublicKeyFile.parseLine(line.replace("ssh-ed25519 ", "ssh-rsa ")))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("says ssh-rsa");
        assertThatThrownBy(() -> OpenSshPublicKeyFile.parseLine("ssh-ed25519 !!!notbase64"))
                .isInstanceOf(KeyFileException.class);
        assertThatThrownBy(() -> OpenSshPublicKeyFile.parseLine("ssh-ed25519"))
                .isInstanceOf(KeyFileException.class);
        assertThatThrownBy(() -> OpenSshPublicKeyFile.read("\n# only comments\n"))
                .isInstanceOf(KeyFileException.class);
    }

    @Test
    void rfc4716RoundTripsAndKeepsLinesWithin72Bytes() throws Exception {
        String comment = "a long comment with ünïcode, \"quotes\" and enough words to need two or three continuation lines"
                + " in the header of this file";
        String text = Rfc4716PublicKeyFile.format(key, comment);
        assertThat(text.lines()).allMatch(l -> l.getBytes(StandardCharsets.UTF_8).length <= 72);
        assertThat(text.lines().filter(l -> l.endsWith("\\")).count()).isGreaterThanOrEqualTo(1);
        Rfc4716PublicKeyFile.Entry entry = Rfc4716PublicKeyFile.read(text);
        assertThat(entry.key()).isEqualTo(key);
        assertThat(entry.comment()).isEqualTo(comment.replace('"', '\''));
    }

    @Test
    void rfc4716ReadsHeadersAndContinuations() throws Exception {
        String body = OpenSshPublicKeyFile.format(key, null).split(" ")[1];
        String text = "---- BEGIN SSH2 PUBLIC KEY ----\r\n"
                + "Subject: someone\r\n"
                + "x-Private: one\\\r\n"
                + " two\r\n"
                + "Comment: \"quoted\"\r\n"
                + body.substring(0, 40) + "\r\n" + body.substring(40) + "\r\n"
                + "---- END SSH2 PUBLIC KEY ----\r\n";
        Rfc4716PublicKeyFile.Entry entry = Rfc4716PublicKeyFile.read(text);
        assertThat(entry.key()).isEqualTo(key);
        assertThat(entry.comment()).isEqualTo("quoted");
        assertThat(entry.headers()).hasSize(3);
        assertThat(entry.headers().get(1).getValue()).isEqualTo("one two");
    }

    @Test
    void rfc4716RejectsMissingArmorAndLongLines() {
        String text = Rfc4716PublicKeyFile.format(key, null);
        assertThatThrownBy(() -> Rfc4716PublicKeyFile.read(text.replace("---- END SSH2 PUBLIC KEY ----\n", "")))
                .isInstanceOf(KeyFileException.class);
        assertThatThrownBy(() -> Rfc4716PublicKeyFile.read(text.replace("---- BEGIN", "--- BEGIN")))
                .isInstanceOf(KeyFileException.class);
        String longHeader = text.replace("----\n", "----\nComment: " + "x".repeat(80) + "\n");
        assertThatThrownBy(() -> Rfc4716PublicKeyFile.read(longHeader)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("72");
    }
}
