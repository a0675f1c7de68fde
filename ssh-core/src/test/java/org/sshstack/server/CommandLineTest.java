package org.sshstack.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** SECURITY.md D3: the exec command line is split like a POSIX shell would, with no expansion and typed errors. */
class CommandLineTest {

    @Test
    void splitsOnBlanksAndHonoursQuotesAndBackslashes() throws Exception {
        assertThat(CommandLine.split("  ls\t-l  /tmp\n")).containsExactly("ls", "-l", "/tmp");
        assertThat(CommandLine.split("echo 'a b' \"c d\" e\\ f")).containsExactly("echo", "a b", "c d", "e f");
        assertThat(CommandLine.split("a'b'\"c\"d")).containsExactly("abcd");
        assertThat(CommandLine.split("'' \"\"")).containsExactly("", "");
        assertThat(CommandLine.split("\"\\$x \\\" \\\\ \\a\"")).containsExactly("$x \" \\ \\a");
        assertThat(CommandLine.split("'\\n'")).containsExactly("\\n");
        assertThat(CommandLine.split("a\\\nb \\\n")).containsExactly("ab");
        assertThat(CommandLine.split("")).isEmpty();
    }

    @Test
    void nothingIsExpandedSubstitutedOrGlobbed() throws Exception {
        assertThat(CommandLine.split("echo $HOME `id` $(id) *; rm -rf / | cat && x > y"))
                .containsExactly("echo", "$HOME", "`id`", "$(id)", "*;", "rm", "-rf", "/", "|", "cat", "&&", "x",
                        ">", "y");
    }

    @Test
    void unterminatedQuotesAndTrailingBackslashAreTypedErrors() {
        for (String bad : List.of("echo 'a", "echo \"a", "echo \"a\\\"", "echo a\\")) {
            assertThatThrownBy(() -> CommandLine.split(bad)).as(bad)
                    .isInstanceOf(CommandLine.SyntaxException.class);
        }
    }

    @Test
    void quoteLeavesSafeWordsAlone() {
        assertThat(CommandLine.quote("ls")).isEqualTo("ls");
        assertThat(CommandLine.quote("/a/b-c_d.e=f:g,h@i%j+k")).isEqualTo("/a/b-c_d.e=f:g,h@i%j+k");
        assertThat(CommandLine.quote("")).isEqualTo("''");
        assertThat(CommandLine.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(CommandLine.join(List.of("echo", "a b", "$x"))).isEqualTo("echo 'a b' '$x'");
    }

    @Property(tries = 2000, seed = "4203")
    void joinThenSplitIsIdentity(@ForAll List<String> words) throws Exception {
        assertThat(CommandLine.split(CommandLine.join(words))).isEqualTo(words);
    }

    @Property(tries = 2000, seed = "4204")
    void quotedWordSplitsToItself(@ForAll String word) throws Exception {
        assertThat(CommandLine.split(CommandLine.quote(word))).containsExactly(word);
    }

    @Property(tries = 5000, seed = "4205")
    void anyInputSplitsOrRaisesTheTypedErrorOnly(@ForAll String line) {
        try {
            assertThat(CommandLine.split(line)).doesNotContainNull();
        } catch (CommandLine.SyntaxException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 2000, seed = "4206")
    void shellSyntaxHeavyInputSplitsOrRaisesTheTypedErrorOnly(@ForAll("shellish") String line) {
        try {
            CommandLine.split(line);
        } catch (CommandLine.SyntaxException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> shellish() {
        return Arbitraries.strings().withChars(" \t\n'\"\\$`;|&ab").ofMaxLength(40);
    }
}
