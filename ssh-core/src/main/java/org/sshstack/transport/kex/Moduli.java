package org.sshstack.transport.kex;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.sshstack.crypto.kex.DhGroup;
import org.sshstack.crypto.kex.DhGroups;
import org.sshstack.crypto.kex.KeyExchangeException;

/**
 * The groups a group-exchange server offers, read from OpenSSH's moduli(5) format, with the RFC 3526 groups
 * 14/16/18 as a fallback when no entry fits a request.
 *
 * <p>Each line is {@code time type tests tries size generator modulus}: decimal time, type, tests, tries and
 * size, hexadecimal generator and modulus; size is the modulus length in bits minus one (OpenSSH dh.c).
 * Blank lines and lines starting with '#' are ignored. A line is kept only when it is a safe prime (type 2) whose
 * tests include Miller-Rabin (0x04) and not the "composite" flag (0x01), whose size matches the modulus, and whose
 * group passes {@link DhGroup#of} (odd, 2048..8192 bits, 1 &lt; g &lt; p-1). Every other line, malformed or
 * merely unusable, is skipped and counted in {@link #skippedLines()}; parsing never fails.
 */
public final class Moduli implements DhGroupSource {

    /** The built-in entries, a few lines of OpenSSH's moduli file (see the resource's header). */
    private static final String BUILT_IN = "moduli-builtin.txt";

    /** Longest line considered: an 8192-bit modulus is 2048 hex digits. */
    static final int MAX_LINE = 4096;

    private static final int TYPE_SAFE = 2;
    private static final int TESTS_COMPOSITE = 0x01;
    private static final int TESTS_MILLER_RABIN = 0x04;

    private static final List<DhGroup> FALLBACK = List.of(DhGroups.GROUP14, DhGroups.GROUP16, DhGroups.GROUP18);

    private final List<ModuliEntry> entries;
    private final int skippedLines;

    private Moduli(List<ModuliEntry> entries, int skippedLines) {
        this.entries = List.copyOf(entries);
        this.skippedLines = skippedLines;
    }

    /**
     * @param text the content of a moduli file
     * @return its usable entries
     */
    public static Moduli parse(String text) {
        List<ModuliEntry> entries = new ArrayList<>();
        int skipped = 0;
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            ModuliEntry entry = line.length() > MAX_LINE ? null : parseLine(line);
            if (entry == null) {
                skipped++;
            } else {
                entries.add(entry);
            }
        }
        return new Moduli(entries, skipped);
    }

    /** @return the built-in entries (12 groups of 2048..8192 bits from OpenSSH's moduli file) */
    public static Moduli builtIn() {
        try (InputStream in = Moduli.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUILT_IN, e);
        }
    }

    /** @return no entries: {@link #select} then uses the RFC 3526 groups only */
    public static Moduli empty() {
        return new Moduli(List.of(), 0);
    }

    /** @return the usable entries, in file order */
    public List<ModuliEntry> entries() {
        return entries;
    }

    /** @return how many non-comment lines were skipped as malformed or unusable */
    public int skippedLines() {
        return skippedLines;
    }

    /**
     * Picks the entries whose size is closest to n within [min, max] (the larger size when two are equally close)
     * and one of them at random; when no entry fits, the closest of RFC 3526 groups 14, 16 and 18 that fits.
     *
     * {@inheritDoc}
     */
    @Override
    public DhGroup select(int min, int n, int max, SecureRandom random) throws KeyExchangeException {
        List<DhGroup> fitting = new ArrayList<>();
        for (ModuliEntry entry : entries) {
            if (entry.bits() >= min && entry.bits() <= max) {
                fitting.add(entry.group());
            }
        }
        if (fitting.isEmpty()) {
            FALLBACK.stream().filter(g -> g.bits() >= min && g.bits() <= max).forEach(fitting::add);
        }
        if (fitting.isEmpty()) {
            throw new KeyExchangeException("no DH group of " + min + ".." + max + " bits is available");
        }
        int best = fitting.get(0).bits();
        for (DhGroup group : fitting) {
            if (closer(group.bits(), best, n)) {
                best = group.bits();
            }
        }
        int bestBits = best;
        List<DhGroup> equals = fitting.stream().filter(g -> g.bits() == bestBits).toList();
        return equals.get(random.nextInt(equals.size()));
    }

    private static boolean closer(int candidate, int current, int n) {
        int dc = Math.abs(candidate - n);
        int dr = Math.abs(current - n);
        return dc < dr || dc == dr && candidate > current;
    }

    /** @return the entry, or null when the line is malformed or unusable */
    private static ModuliEntry parseLine(String line) {
        String[] f = line.split("\\s+");
        if (f.length != 7 || !digits(f[0], 20) || !digits(f[1], 4) || !digits(f[2], 4) || !digits(f[3], 9)
                || !digits(f[4], 5) || !hex(f[5], 8) || !hex(f[6], MAX_LINE)) {
            return null;
        }
        int type = Integer.parseInt(f[1]);
        int tests = Integer.parseInt(f[2]);
        int bits = Integer.parseInt(f[4]) + 1; // OpenSSH dh.c: the size field is bits - 1
        if (type != TYPE_SAFE || (tests & TESTS_COMPOSITE) != 0 || (tests & TESTS_MILLER_RABIN) == 0) {
            return null;
        }
        BigInteger g = new BigInteger(f[5], 16);
        BigInteger p = new BigInteger(f[6], 16);
        if (p.bitLength() != bits) {
            return null;
        }
        try {
            return new ModuliEntry(bits, DhGroup.of(p, g));
        } catch (KeyExchangeException e) {
            return null;
        }
    }

    private static boolean digits(String s, int maxLength) {
        return !s.isEmpty() && s.length() <= maxLength && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean hex(String s, int maxLength) {
        return !s.isEmpty() && s.length() <= maxLength
                && s.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
    }

    /** @return the number of entries */
    @Override
    public String toString() {
        return "Moduli[" + entries.size() + " groups, " + skippedLines + " lines skipped]";
    }
}
