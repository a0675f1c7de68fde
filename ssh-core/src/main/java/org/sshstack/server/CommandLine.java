package org.sshstack.server;

import java.util.ArrayList;
import java.util.List;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;

/**
 * Splits an exec command line into words the way a POSIX shell tokenises a simple command (POSIX.1-2017 XCU §2.2
 * quoting, §2.3 token recognition), and nothing more (SECURITY.md D3): words are separated by unquoted blanks
 * (space, tab, newline); single quotes keep everything up to the next single quote; double quotes keep everything
 * up to the next unescaped double quote, a backslash in them escaping only {@code $ ` " \} and newline; a backslash
 * outside quotes keeps the next character; a backslash-newline pair is removed. There is no parameter expansion,
 * no globbing, no command substitution and no operators: {@code $HOME}, {@code *}, {@code ;} and {@code |} are
 * ordinary characters of a word. sshstack never hands a command line to {@code /bin/sh}.
 */
public final class CommandLine {

    /** Characters {@link #quote} leaves unquoted. */
    private static final String SAFE = "_@%+=:,./-";

    private CommandLine() {
    }

    /** A command line that cannot be split: an unterminated quote or a trailing backslash. */
    public static final class SyntaxException extends SshException {

        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(DisconnectReason.BY_APPLICATION, message);
        }
    }

    /**
     * @param line the command line
     * @return its words, in order (empty for a blank line)
     * @throws SyntaxException if a quote is not closed or the line ends in a backslash
     */
    public static List<String> split(String line) throws SyntaxException {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '\n') {
                i += 2; // XCU §2.2.1: backslash-newline is a line continuation, removed
                continue;
            }
            inWord = true;
            if (c == '\'') {
                i = singleQuoted(line, i + 1, word);
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
            } else if (c == '\\') {
                i = escaped(line, i + 1, word);
            } else {
                word.append(c);
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** XCU §2.2.2: up to the closing quote, literally. @return the index after the closing quote */
    private static int singleQuoted(String line, int from, StringBuilder word) throws SyntaxException {
        int end = line.indexOf('\'', from);
        if (end < 0) {
            throw new SyntaxException("unterminated single quote at index " + (from - 1));
        }
        word.append(line, from, end);
        return end + 1;
    }

    /** XCU §2.2.3: backslash escapes only $ ` " \ and newline. @return the index after the closing quote */
    private static int doubleQuoted(String line, int from, StringBuilder word) throws SyntaxException {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "$`\"\\\n".indexOf(line.charAt(i + 1)) >= 0) {
                if (line.charAt(i + 1) != '\n') { // backslash-newline: a line continuation, removed
                    word.append(line.charAt(i + 1));
                }
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new SyntaxException("unterminated double quote at index " + (from - 1));
    }

    /** XCU §2.2.1: the next character is literal. @return the index after it */
    private static int escaped(String line, int at, StringBuilder word) throws SyntaxException {
        if (at >= line.length()) {
            throw new SyntaxException("the command line ends in a backslash");
        }
        word.append(line.charAt(at));
        return at + 1;
    }

    /**
     * @param word any string
     * @return a form {@link #split} reads back as exactly this one word: unchanged when it is non-empty and made of
     *     letters, digits and {@code _@%+=:,./-}; otherwise single-quoted, each {@code '} written as {@code '\''}
     */
    public static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c)
                || SAFE.indexOf(c) >= 0))) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * @param words the words
     * @return a command line {@link #split} turns back into {@code words}
     */
    public static String join(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(quote(word));
        }
        return line.toString();
    }
}
