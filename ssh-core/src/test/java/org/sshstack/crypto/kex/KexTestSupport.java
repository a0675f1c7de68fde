package org.sshstack.crypto.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sshstack.DisconnectReason;
import org.sshstack.testing.Mutations;

/** Shared helpers for the key agreement tests: hex, seeded randomness, Wycheproof loading, typed-failure checks. */
final class KexTestSupport {

    private KexTestSupport() {
    }

    /** A call on peer input that may fail only with {@link KeyExchangeException}. */
    @FunctionalInterface
    interface PeerCall {
        void run() throws Exception;
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A deterministic SecureRandom, so a failing case replays. */
    static SecureRandom seededRandom(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One Wycheproof test case with its group. */
    record Vector(JsonNode group, JsonNode test) {
        int id() {
            return test.get("tcId").asInt();
        }

        String result() {
            return test.get("result").asText();
        }

        boolean hasFlag(String flag) {
            for (JsonNode f : test.path("flags")) {
                if (f.asText().equals(flag)) {
                    return true;
                }
            }
            return false;
        }

        byte[] bytes(String field) {
            return hex(test.get(field).asText());
        }

        boolean has(String field) {
            return test.has(field);
        }

        @Override
        public String toString() {
            return "tcId " + id() + " " + test.path("comment").asText() + " " + test.path("flags");
        }
    }

    /** @return every test of a Wycheproof file under this package's test resources */
    static List<Vector> wycheproof(String file) {
        try (InputStream in = KexTestSupport.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            JsonNode root = new ObjectMapper().readTree(in);
            List<Vector> vectors = new ArrayList<>();
            for (JsonNode group : root.get("testGroups")) {
                for (JsonNode test : group.get("tests")) {
                    vectors.add(new Vector(group, test));
                }
            }
            assertThat(vectors).hasSize(root.get("numberOfTests").asInt());
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts the call fails with the typed exception and KEY_EXCHANGE_FAILED. */
    static void assertRejected(PeerCall call, Object what) {
        try {
            call.run();
        } catch (KeyExchangeException e) {
            assertThat(e.reason()).isEqualTo(DisconnectReason.KEY_EXCHANGE_FAILED);
            return;
        } catch (Throwable t) {
            fail("expected KeyExchangeException for " + what + " but got " + t, t);
        }
        fail("expected KeyExchangeException for " + what + " but it was accepted");
    }

    /** Asserts the call either succeeds or fails with the typed exception, never anything else. */
    static void assertOnlyTypedFailure(PeerCall call, Object what) {
        try {
            call.run();
        } catch (KeyExchangeException e) {
            assertThat(e.reason()).isEqualTo(DisconnectReason.KEY_EXCHANGE_FAILED);
        } catch (Throwable t) {
            fail("untyped failure for " + what + ": " + t, t);
        }
    }

    /** Feeds garbage of every length 0..maxLength and mutations of a valid value to a peer-input call. */
    static void fuzz(byte[] valid, int maxLength, PeerInput target) {
        SecureRandom random = seededRandom(7);
        for (int length = 0; length <= maxLength; length++) {
            byte[] garbage = new byte[length];
            random.nextBytes(garbage);
            assertOnlyTypedFailure(() -> target.accept(garbage), "garbage of length " + length);
        }
        for (long seed = 0; seed < 300; seed++) {
            byte[] mutated = Mutations.mutate(valid, seed);
            long s = seed;
            assertOnlyTypedFailure(() -> target.accept(mutated), "mutation seed " + s);
        }
        assertOnlyTypedFailure(() -> target.accept(null), "null");
    }

    /** Something that consumes a peer value. */
    @FunctionalInterface
    interface PeerInput {
        void accept(byte[] value) throws Exception;
    }
}
