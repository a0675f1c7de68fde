package org.sshstack.transport.packet;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Random bytes for packet padding, drawn from the caller's {@link SecureRandom} in batches so that each packet
 * costs a copy rather than a call into the generator (RFC 4253 §6: padding SHOULD be random).
 */
final class RandomPool {

    private static final int SIZE = 512;

    private final SecureRandom random;
    private final byte[] pool = new byte[SIZE];
    private int next = SIZE;

    RandomPool(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Fills {@code dst[off, off+len)} with random bytes. */
    void fill(byte[] dst, int off, int len) {
        int done = 0;
        while (done < len) {
            if (next == SIZE) {
                random.nextBytes(pool);
                next = 0;
            }
            int n = Math.min(len - done, SIZE - next);
            System.arraycopy(pool, next, dst, off + done, n);
            next += n;
            done += n;
        }
    }

    /** @return a random value in {@code [0, bound)} for a bound of at most 256 (slightly biased; only for padding) */
    int nextSmall(int bound) {
        if (next == SIZE) {
            random.nextBytes(pool);
            next = 0;
        }
        return (pool[next++] & 0xff) % bound;
    }
}
