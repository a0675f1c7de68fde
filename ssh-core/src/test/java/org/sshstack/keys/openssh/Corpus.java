package org.sshstack.keys.openssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads files of OpenSSH's sshkey test corpus from the test resources (see corpus/SOURCE.txt). */
final class Corpus {

    /** The passphrase of the corpus's {@code *_pw} keys (file {@code pw}). */
    static final String PASSPHRASE = text("pw").strip();

    private Corpus() {
    }

    static String text(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream("corpus/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing corpus file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean exists(String name) {
        return Corpus.class.getResource("corpus/" + name) != null;
    }
}
