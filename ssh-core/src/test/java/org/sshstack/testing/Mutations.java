package org.sshstack.testing;

import java.util.Arrays;
import java.util.Random;

/**
 * Deterministic byte mutations for the fuzz-style regression tests: each parser is fed corrupted forms of
 * valid inputs and must fail only with the project's own exceptions.
 */
public final class Mutations {

    private Mutations() {
    }

    /**
     * @param valid a valid input
     * @param seed the mutation seed (tests use fixed seeds, so every build replays the same cases)
     * @return a mutated copy: bit flips, byte overwrites with boundary values, truncation or extension
     */
    public static byte[] mutate(byte[] valid, long seed) {
        Random random = new Random(seed);
        byte[] out = valid.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            out = applyOne(out, random);
        }
        return out;
    }

    private static byte[] applyOne(byte[] in, Random random) {
        if (in.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(in.length);
        byte[] out = in.clone();
        switch (random.nextInt(6)) {
            case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> out[at] = (byte) new int[] {0x00, 0x7f, 0x80, 0xff}[random.nextInt(4)];
            case 2 -> out = Arrays.copyOf(out, at);
            case 3 -> out = Arrays.copyOf(out, out.length + 1 + random.nextInt(16));
            case 4 -> writeLength(out, at, random);
            default -> out[at] = (byte) random.nextInt(256);
        }
        return out;
    }

    private static void writeLength(byte[] out, int at, Random random) {
        int[] lengths = {0, 1, 0x7fffffff, 0x80000000, 0xffffffff, out.length, out.length + 1};
        int value = lengths[random.nextInt(lengths.length)];
        for (int i = 0; i < 4 && at + i < out.length; i++) {
            out[at + i] = (byte) (value >>> (24 - 8 * i));
        }
    }
}
