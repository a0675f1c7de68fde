package org.sshstack.keys;

/**
 * Caps on the work a private key file may demand of its reader (SECURITY.md B8): a hostile file must not buy
 * unbounded CPU or memory through its key derivation parameters. Files beyond a cap are refused with
 * {@link UnsupportedKeyException} before any derivation runs; a value exactly at a cap is accepted.
 *
 * <p>The {@link #DEFAULTS} keep the worst case of one file to a few seconds and at most 64 MiB:
 * bcrypt_pbkdf 2048 rounds (ssh-keygen writes 16, {@code -a 100} is common advice), PBKDF2 1,000,000 iterations
 * (about 2 s; sshstack writes 600,000), Argon2 64 MiB and memory x passes at most 512 MiB (64 MiB x 8 passes, or
 * puttygen's 8 MiB x 64 passes; puttygen's defaults use 8 MiB x about 20).
 *
 * @param maxBcryptRounds most bcrypt_pbkdf rounds accepted in an openssh-key-v1 file, at least 1
 * @param maxPbkdf2Iterations most PBKDF2 iterations accepted in an encrypted PKCS#8 file, at least 1
 * @param maxArgon2MemoryKib most Argon2 memory accepted in a PPK v3 file, in KiB, at least 8
 * @param maxArgon2Work most Argon2 memory (KiB) times passes accepted in a PPK v3 file, at least
 *     {@code maxArgon2MemoryKib}
 */
public record KeyReadLimits(int maxBcryptRounds, int maxPbkdf2Iterations, int maxArgon2MemoryKib, long maxArgon2Work) {

    /** Default bcrypt round cap. */
    public static final int DEFAULT_MAX_BCRYPT_ROUNDS = 2048;

    /** Default PBKDF2 iteration cap: above the 600,000 that {@code PemKeys.writePkcs8} writes. */
    public static final int DEFAULT_MAX_PBKDF2_ITERATIONS = 1_000_000;

    /** Default Argon2 memory cap: 64 MiB. */
    public static final int DEFAULT_MAX_ARGON2_MEMORY_KIB = 64 * 1024;

    /** Default Argon2 work cap: 512 MiB-passes. */
    public static final long DEFAULT_MAX_ARGON2_WORK = 512L * 1024;

    /** The default caps. */
    public static final KeyReadLimits DEFAULTS = new KeyReadLimits(DEFAULT_MAX_BCRYPT_ROUNDS,
            DEFAULT_MAX_PBKDF2_ITERATIONS, DEFAULT_MAX_ARGON2_MEMORY_KIB, DEFAULT_MAX_ARGON2_WORK);

    /**
     * Checks the caps.
     *
     * @throws IllegalArgumentException if a cap is below its minimum
     */
    public KeyReadLimits {
        if (maxBcryptRounds < 1 || maxPbkdf2Iterations < 1 || maxArgon2MemoryKib < 8
                || maxArgon2Work < maxArgon2MemoryKib) {
            throw new IllegalArgumentException("key read limits must be positive, with Argon2 work >= memory >= 8 KiB");
        }
    }

    /**
     * @param rounds the new bcrypt round cap
     * @return a copy with that cap
     */
    public KeyReadLimits withMaxBcryptRounds(int rounds) {
        return new KeyReadLimits(rounds, maxPbkdf2Iterations, maxArgon2MemoryKib, maxArgon2Work);
    }

    /**
     * @param iterations the new PBKDF2 iteration cap
     * @return a copy with that cap
     */
    public KeyReadLimits withMaxPbkdf2Iterations(int iterations) {
        return new KeyReadLimits(maxBcryptRounds, iterations, maxArgon2MemoryKib, maxArgon2Work);
    }

    /**
     * @param memoryKib the new Argon2 memory cap in KiB
     * @param work the new Argon2 memory x passes cap
     * @return a copy with those caps
     */
    public KeyReadLimits withMaxArgon2(int memoryKib, long work) {
        return new KeyReadLimits(maxBcryptRounds, maxPbkdf2Iterations, memoryKib, work);
    }
}
