package org.sshstack.keys;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.sshstack.keys.openssh.OpenSshKeyFormat;
import org.sshstack.keys.openssh.OpenSshPrivateKeyWriter;
import org.sshstack.keys.openssh.OpenSshPublicKeyFile;
import org.sshstack.keys.openssh.Rfc4716PublicKeyFile;
import org.sshstack.keys.pem.PemKeyFormat;
import org.sshstack.keys.putty.PuttyKeyFormat;

/**
 * Reads and writes key files. Writes are atomic (a temporary file in the same directory, renamed over the
 * target) and a private key file is owner-only from the moment it exists: the temporary file is created with
 * {@code rw-------} rather than chmod-ed afterwards (paramiko CVE-2022-24302). On file systems without POSIX
 * permissions the default ACLs of the directory apply. After the rename the directory is forced to disk where the
 * platform allows it.
 */
public final class KeyFiles {

    /**
     * The private key formats {@link #readPrivateKey(Path, char[])} tries, in order: openssh-key-v1, PEM
     * (PKCS#1, SEC1, PKCS#8, legacy encrypted PEM) and PuTTY PPK v2/v3. Callers can pass their own list, for
     * example an {@link OpenSshKeyFormat} with a different KDF round cap.
     */
    public static final List<PrivateKeyFileFormat> DEFAULT_FORMATS = formats(KeyReadLimits.DEFAULTS);

    /**
     * @param limits the cost caps (KDF rounds, PBKDF2 iterations, Argon2 memory and work) for every format
     * @return the default formats, in {@link #DEFAULT_FORMATS} order, applying those caps
     */
    public static List<PrivateKeyFileFormat> formats(KeyReadLimits limits) {
        return List.of(new OpenSshKeyFormat(limits), new PemKeyFormat(limits), new PuttyKeyFormat(limits));
    }

    /** Largest key file read: 1 MiB. */
    public static final long MAX_FILE_BYTES = 1 << 20;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    private KeyFiles() {
    }

    /**
     * @param path a private key file
     * @param passphrase the passphrase, or null; not wiped
     * @return the key pair
     * @throws UnsupportedKeyException if no supported format recognizes the file
     * @throws KeyFileException if it cannot be read (wrong or missing passphrase: the subclasses)
     * @throws IOException if the file cannot be read
     */
    public static SshKeyPair readPrivateKey(Path path, char[] passphrase) throws IOException {
        return readPrivateKey(path, passphrase, DEFAULT_FORMATS);
    }

    /**
     * @param path a private key file
     * @param passphrase the passphrase, or null; not wiped
     * @param formats the formats to try, in order
     * @return the key pair
     * @throws IOException as {@link #readPrivateKey(Path, char[])}
     */
    public static SshKeyPair readPrivateKey(Path path, char[] passphrase, List<PrivateKeyFileFormat> formats)
            throws IOException {
        String text = readText(path);
        for (PrivateKeyFileFormat format : formats) {
            if (format.recognizes(text)) {
                return format.read(text, passphrase);
            }
        }
        throw new UnsupportedKeyException(path.getFileName() + " is not in a supported private key format");
    }

    /**
     * Reads a public key file in OpenSSH one-line form or RFC 4716 form.
     *
     * @param path the file
     * @return the key and comment
     * @throws IOException if the file cannot be read or is malformed
     */
    public static OpenSshPublicKeyFile.Entry readPublicKey(Path path) throws IOException {
        String text = readText(path);
        if (text.strip().startsWith(Rfc4716PublicKeyFile.BEGIN)) {
            Rfc4716PublicKeyFile.Entry entry = Rfc4716PublicKeyFile.read(text);
            return new OpenSshPublicKeyFile.Entry(entry.key(), entry.comment());
        }
        return OpenSshPublicKeyFile.read(text);
    }

    /**
     * Writes an openssh-key-v1 private key file (aes256-ctr, bcrypt 16 rounds when a passphrase is given),
     * mode 0600 from creation, replacing any existing file atomically.
     *
     * @param path the target file
     * @param pair the key pair; its comment is written
     * @param passphrase the passphrase, or null/empty for an unencrypted file; not wiped
     * @param random randomness for salt and check bytes
     * @throws IOException if writing fails or the key cannot be written in this format
     */
    public static void writePrivateKey(Path path, SshKeyPair pair, char[] passphrase, SecureRandom random)
            throws IOException {
        writePrivateKey(path, pair, PrivateKeyWriteFormat.OPENSSH, passphrase, random);
    }

    /** The private key file formats that {@link KeyFiles} can write. */
    public enum PrivateKeyWriteFormat {
        /** openssh-key-v1, aes256-ctr with bcrypt 16 rounds when encrypted. */
        OPENSSH,
        /** PKCS#8 PEM, PBES2 (PBKDF2-SHA256 600,000 iterations, AES-256-CBC) when encrypted. */
        PKCS8,
        /** PuTTY PPK version 3, AES-256-CBC under Argon2id with puttygen's defaults when encrypted. */
        PPK_V3
    }

    /**
     * Writes a private key file in the given format, mode 0600 from creation, replacing any existing file atomically
     * ({@link #writeAtomically}).
     *
     * @param path the target file
     * @param pair the key pair; its comment is written where the format has one
     * @param format the file format
     * @param passphrase the passphrase, or null/empty for an unencrypted file; not wiped
     * @param random randomness for salts, IVs and check bytes
     * @throws IOException if writing fails or the key cannot be written in this format
     */
    public static void writePrivateKey(Path path, SshKeyPair pair, PrivateKeyWriteFormat format, char[] passphrase,
            SecureRandom random) throws IOException {
        String text = switch (format) {
            case OPENSSH -> new OpenSshPrivateKeyWriter().write(pair, passphrase, random);
            case PKCS8 -> org.sshstack.keys.pem.PemKeys.writePkcs8(pair, passphrase, random);
            case PPK_V3 -> org.sshstack.keys.putty.PuttyKeys.writeV3(pair, passphrase, random);
        };
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        try {
            writeAtomically(path, content, OWNER_ONLY);
        } finally {
            java.util.Arrays.fill(content, (byte) 0);
        }
    }

    /**
     * Writes a public key in OpenSSH one-line form, mode 0644, atomically.
     *
     * @param path the target file
     * @param key the key
     * @param comment the comment, or null
     * @throws IOException if writing fails
     */
    public static void writePublicKey(Path path, SshPublicKey key, String comment) throws IOException {
        byte[] line = (OpenSshPublicKeyFile.format(key, comment) + "\n").getBytes(StandardCharsets.UTF_8);
        writeAtomically(path, line, PUBLIC);
    }

    /**
     * Writes bytes to a temporary file in the target's directory, created with the given POSIX permissions
     * (when the file system has them), forces it to disk, renames it over the target, then forces the directory
     * (where the platform allows it).
     *
     * @param target the file to create or replace
     * @param content the bytes
     * @param permissions the permissions of the new file
     * @throws IOException if any step fails; the temporary file is then removed
     */
    public static void writeAtomically(Path target, byte[] content, Set<PosixFilePermission> permissions)
            throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temp = createTemp(directory, absolute.getFileName().toString(), permissions);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temp, permissions); // undo a restrictive umask on 0644 files
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(directory);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes the rename durable where the platform lets a directory be opened and forced (not on Windows). */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException refused) {
            // some platforms refuse to open or sync a directory: the rename itself has still happened
        }
    }

    private static Path createTemp(Path directory, String name, Set<PosixFilePermission> permissions)
            throws IOException {
        String prefix = "." + name + ".";
        try {
            FileAttribute<Set<PosixFilePermission>> attribute = PosixFilePermissions.asFileAttribute(permissions);
            return Files.createTempFile(directory, prefix, ".tmp", attribute);
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(directory, prefix, ".tmp");
        }
    }

    /**
     * Reads a whole file through a stream, at most {@code maxBytes + 1} bytes: the size is never trusted (it can
     * change between a check and the read, and FIFOs or /proc files report 0).
     *
     * @param path the file
     * @param maxBytes the largest accepted content
     * @return the content
     * @throws KeyFileException if the file holds more than {@code maxBytes} bytes
     * @throws IOException if it cannot be read
     */
    public static byte[] readBounded(Path path, long maxBytes) throws IOException {
        int cap = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
        try (java.io.InputStream in = Files.newInputStream(path)) {
            byte[] content = in.readNBytes(cap + 1);
            if (content.length > cap) {
                java.util.Arrays.fill(content, (byte) 0);
                throw new KeyFileException(path.getFileName() + " is larger than " + maxBytes + " bytes");
            }
            return content;
        }
    }

    private static String readText(Path path) throws IOException {
        byte[] raw = readBounded(path, MAX_FILE_BYTES);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new KeyFileException(path.getFileName() + " is not a text key file");
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }
}
