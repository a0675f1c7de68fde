package org.sshstack.keys.putty;

import java.util.Arrays;
import java.util.HexFormat;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.KeyReadLimits;
import org.sshstack.keys.UnsupportedKeyException;

/**
 * The Argon2 parameters of an encrypted PPK v3 file (PuTTY manual C.2, C.4), bounded so that a hostile file cannot
 * buy unbounded memory or CPU. {@link #validate()} checks the structure and hard ceilings (memory at most
 * {@value #MAX_MEMORY_KIB} KiB, passes at most {@value #MAX_PASSES}, parallelism at most {@value #MAX_PARALLELISM},
 * salt 1 to 64 bytes); {@link #checkCost(KeyReadLimits)} applies the configurable cost caps (by default 64 MiB and
 * memory x passes at most 512 MiB, a few seconds). puttygen's defaults (8192 KiB, about 20 passes for 100 ms,
 * parallelism 1) are far inside these bounds.
 *
 * @param flavour {@code Argon2id}, {@code Argon2i} or {@code Argon2d}
 * @param memoryKib memory in KiB
 * @param passes the number of passes
 * @param parallelism the number of lanes
 * @param salt the salt
 */
public record Argon2Settings(String flavour, int memoryKib, int passes, int parallelism, byte[] salt) {

    /** Hard ceiling on memory, in KiB, whatever the limits (the default cost cap is far lower). */
    public static final int MAX_MEMORY_KIB = 256 * 1024;

    /** Most passes accepted. */
    public static final int MAX_PASSES = 1000;

    /** Most lanes accepted. */
    public static final int MAX_PARALLELISM = 16;

    /** Memory written by default, in KiB: puttygen's default. */
    public static final int DEFAULT_MEMORY_KIB = 8192;

    /** Passes written by default: what puttygen 0.78 picks for its 100 ms target on a current CPU. */
    public static final int DEFAULT_PASSES = 21;

    /** Copies the salt; does not validate (use {@link #validate()}). */
    public Argon2Settings {
        salt = salt.clone();
    }

    /** @return a copy of the salt */
    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /**
     * @return this, after checking every parameter against the caps
     * @throws UnsupportedKeyException for an unknown flavour or parameters beyond the caps
     */
    public Argon2Settings validate() throws KeyFileException {
        if (!flavour.equals("Argon2id") && !flavour.equals("Argon2i") && !flavour.equals("Argon2d")) {
            throw new UnsupportedKeyException("unsupported PPK key derivation " + flavour);
        }
        if (parallelism < 1 || parallelism > MAX_PARALLELISM || memoryKib < 8 * parallelism
                || memoryKib > MAX_MEMORY_KIB || passes < 1 || passes > MAX_PASSES) {
            throw new UnsupportedKeyException("PPK Argon2 parameters are outside the accepted bounds (memory <= "
                    + MAX_MEMORY_KIB + " KiB, passes <= " + MAX_PASSES + ", parallelism <= " + MAX_PARALLELISM + ")");
        }
        if (salt.length < 1 || salt.length > 64) {
            throw new KeyFileException("PPK Argon2 salt must be 1 to 64 bytes");
        }
        return this;
    }

    /**
     * @param limits the cost caps
     * @return this, if its memory and memory x passes are within the caps (a value exactly at a cap is accepted)
     * @throws UnsupportedKeyException if the derivation would cost more than the caps allow
     */
    public Argon2Settings checkCost(KeyReadLimits limits) throws UnsupportedKeyException {
        if (memoryKib > limits.maxArgon2MemoryKib() || (long) memoryKib * passes > limits.maxArgon2Work()) {
            throw new UnsupportedKeyException("PPK Argon2 cost is beyond the configured limits (memory <= "
                    + limits.maxArgon2MemoryKib() + " KiB, memory x passes <= " + limits.maxArgon2Work() + ")");
        }
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Argon2Settings that && flavour.equals(that.flavour) && memoryKib == that.memoryKib
                && passes == that.passes && parallelism == that.parallelism && Arrays.equals(salt, that.salt);
    }

    @Override
    public int hashCode() {
        return flavour.hashCode() * 31 + memoryKib * 17 + passes * 7 + parallelism + Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "Argon2Settings[" + flavour + ", " + memoryKib + " KiB, " + passes + " passes, " + parallelism
                + " lanes, salt " + HexFormat.of().formatHex(salt) + "]";
    }
}
