package org.sshstack.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Test content for the SFTP interop tests: deterministic pseudo-random files and trees, and their SHA-256 digests
 * (streamed, so a 1 GiB file never sits in memory).
 */
final class SftpFiles {

    private static final int BLOCK = 1 << 20;

    private SftpFiles() {
    }

    /**
     * Writes {@code size} pseudo-random bytes derived from {@code seed}: one random 1 MiB block, each copy of it
     * stamped with its index so no two blocks of the file are equal. Fast enough for a 1 GiB file.
     *
     * @return the SHA-256 of what was written, in hex
     */
    static String write(Path file, long size, long seed) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] block = new byte[(int) Math.min(BLOCK, Math.max(size, 1))];
        new Random(seed).nextBytes(block);
        MessageDigest digest = sha256();
        try (OutputStream out = Files.newOutputStream(file)) {
            long left = size;
            for (long index = 0; left > 0; index++) {
                for (int i = 0; i < Long.BYTES && i < block.length; i++) {
                    block[i] = (byte) (index >>> (8 * i) ^ seed);
                }
                int n = (int) Math.min(block.length, left);
                out.write(block, 0, n);
                digest.update(block, 0, n);
                left -= n;
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** @return the SHA-256 of the file's contents, in hex */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[(int) Math.min(BLOCK, Math.max(Files.size(file), 1))];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Writes a tree: {@code small} files of 0 to 4 KiB spread over ten subdirectories, and {@code large} files of
     * {@code largeSize} bytes at the top.
     *
     * @return the digests by relative path (see {@link #digests})
     */
    static SortedMap<String, String> writeTree(Path dir, int small, int large, long largeSize, long seed)
            throws IOException {
        Random sizes = new Random(seed);
        for (int i = 0; i < small; i++) {
            write(dir.resolve("d" + i % 10).resolve("f" + i + ".txt"), sizes.nextInt(4097), seed + i);
        }
        for (int i = 0; i < large; i++) {
            write(dir.resolve("large" + i + ".bin"), largeSize, seed - i - 1);
        }
        return digests(dir);
    }

    /** @return every regular file below {@code dir} by its '/'-separated relative path, with its SHA-256 */
    static SortedMap<String, String> digests(Path dir) throws IOException {
        SortedMap<String, String> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                found.put(dir.relativize(f).toString().replace('\\', '/'), sha256(f));
            }
        }
        return found;
    }

    /** @return the entries of {@code expected} whose digest differs in {@code actual} or is missing there */
    static Map<String, String> mismatches(Map<String, String> expected, Map<String, String> actual) {
        Map<String, String> wrong = new TreeMap<>();
        expected.forEach((name, hash) -> {
            if (!hash.equals(actual.get(name))) {
                wrong.put(name, actual.get(name) == null ? "missing" : "different content");
            }
        });
        actual.keySet().stream().filter(n -> !expected.containsKey(n)).forEach(n -> wrong.put(n, "unexpected"));
        return wrong;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
