package org.sshstack.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.sshstack.testing.PeerTools;
import org.sshstack.wire.SshWriter;

/**
 * Client key pairs for publickey logins: every key type (ed25519, ecdsa 256/384/521, rsa 3072) made by
 * {@code ssh-keygen}, each writable in every private key file format peers write — OpenSSH, PEM PKCS#1/SEC1 and
 * PKCS#8 ({@code ssh-keygen -m PEM / -m PKCS8}), PuTTY PPK v3 ({@code puttygen}) — and an ed25519 PKCS#8 key from
 * {@code openssl} (ssh-keygen cannot write one), each without and with {@link #PASSPHRASE}.
 */
final class UserKeys {

    /** The passphrase of the encrypted files. */
    static final String PASSPHRASE = "correct horse";

    /** Key type and size of each generated key; its name is the two joined, e.g. "ecdsa384". */
    private static final String[][] KEYS = {{"ed25519", "256"}, {"ecdsa", "256"}, {"ecdsa", "384"},
        {"ecdsa", "521"}, {"rsa", "3072"}};

    private final Path dir;
    private final List<String> authorized;

    private UserKeys(Path dir, List<String> authorized) {
        this.dir = dir;
        this.authorized = authorized;
    }

    /**
     * Generates the keys (the openssl one when openssl is installed, always under CI).
     *
     * @param dir an empty temporary directory owned by the test
     * @return the keys
     */
    static UserKeys generate(Path dir) throws IOException, InterruptedException {
        PeerTools.require("ssh-keygen");
        List<String> authorized = new ArrayList<>();
        for (String[] key : KEYS) {
            Path base = dir.resolve(key[0] + key[1]);
            PeerTools.run("ssh-keygen", "-q", "-t", key[0], "-b", key[1], "-N", "", "-C", "", "-f", base.toString())
                    .assertSuccess();
            authorized.add(Files.readString(Path.of(base + ".pub")).strip());
        }
        if (PeerTools.underCi() || Files.isExecutable(Path.of("/usr/bin/openssl"))) {
            authorized.add(opensslEd25519(dir));
        }
        return new UserKeys(dir, List.copyOf(authorized));
    }

    /** @return the names of the ssh-keygen keys, e.g. "ed25519", "ecdsa256", "rsa3072" */
    static List<String> names() {
        return Arrays.stream(KEYS).map(k -> k[0] + k[1]).toList();
    }

    /** @return the authorized_keys lines of every key */
    List<String> authorizedLines() {
        return authorized;
    }

    /**
     * @param name a name from {@link #names()}, or "ed25519" for the openssl key
     * @return its authorized_keys line
     */
    String authorizedLine(String name) throws IOException {
        return Files.readString(publicKey(name)).strip();
    }

    /**
     * @param name a name from {@link #names()}, or "ed25519" for the openssl key
     * @return its public key file (OpenSSH one-line format)
     */
    Path publicKey(String name) {
        return dir.resolve(name + ".pub");
    }

    /**
     * @param name a name from {@link #names()}
     * @return its unencrypted OpenSSH private key file
     */
    Path plain(String name) {
        return dir.resolve(name);
    }

    /**
     * An ed25519 PKCS#8 key from openssl (ssh-keygen cannot write one), named "ed25519"; returns its
     * authorized_keys line, also written to {@code ed25519.pub}.
     */
    private static String opensslEd25519(Path dir) throws IOException, InterruptedException {
        Path pem = dir.resolve("ed25519-openssl.pem");
        PeerTools.run("openssl", "genpkey", "-algorithm", "ed25519", "-out", pem.toString()).assertSuccess();
        PeerTools.run("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", pem.toString(), "-passout",
                "pass:" + PASSPHRASE, "-out", dir.resolve("ed25519-openssl-pw.pem").toString()).assertSuccess();
        Path der = dir.resolve("ed25519-openssl.pub.der");
        PeerTools.run("openssl", "pkey", "-in", pem.toString(), "-pubout", "-outform", "DER", "-out",
                der.toString()).assertSuccess();
        byte[] spki = Files.readAllBytes(der);
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length); // RFC 8410: BIT STRING of 32 bytes
        byte[] blob = new SshWriter().writeString("ssh-ed25519").writeString(raw).toByteArray(); // RFC 8709 §4
        String line = "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob);
        Files.writeString(dir.resolve("ed25519.pub"), line + "\n");
        return line;
    }

    /** @return (key name, format, encrypted) for every key file {@link #file} writes */
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String name : names()) {
            for (String format : List.of("openssh", "pem", "pkcs8", "ppk")) {
                if (name.equals("ed25519256") && !format.equals("openssh") && !format.equals("ppk")) {
                    continue; // ssh-keygen writes ed25519 only in its own format; openssl covers PKCS#8 below
                }
                out.add(Arguments.of(name, format, false));
                out.add(Arguments.of(name, format, true));
            }
        }
        out.add(Arguments.of("ed25519", "openssl-pkcs8", false));
        out.add(Arguments.of("ed25519", "openssl-pkcs8", true));
        return out.stream();
    }

    /**
     * Writes the key of {@code name} in a format, encrypted or not.
     *
     * @param name a name from {@link #names()} ("ed25519" for the openssl key)
     * @param format "openssh", "pem", "pkcs8", "ppk" or "openssl-pkcs8"
     * @param encrypted whether the file is protected by {@link #PASSPHRASE}
     * @return the file
     */
    Path file(String name, String format, boolean encrypted) throws IOException, InterruptedException {
        if (format.equals("openssl-pkcs8")) {
            PeerTools.require("openssl");
            return dir.resolve(encrypted ? "ed25519-openssl-pw.pem" : "ed25519-openssl.pem");
        }
        Path file = dir.resolve(name + "-" + format + (encrypted ? "-pw" : ""));
        Files.deleteIfExists(file);
        if (format.equals("ppk")) {
            PeerTools.require("puttygen");
            List<String> line = new ArrayList<>(List.of("puttygen", plain(name).toString(), "-O", "private", "-o",
                    file.toString()));
            if (encrypted) {
                Path pass = dir.resolve("passphrase.txt");
                Files.writeString(pass, PASSPHRASE + "\n");
                line.addAll(List.of("--new-passphrase", pass.toString()));
            }
            PeerTools.run(line.toArray(String[]::new)).assertSuccess();
            return file;
        }
        Files.copy(plain(name), file);
        List<String> line = new ArrayList<>(List.of("ssh-keygen", "-q", "-p", "-P", "", "-N",
                encrypted ? PASSPHRASE : "", "-f", file.toString()));
        if (!format.equals("openssh")) {
            line.addAll(List.of("-m", format.toUpperCase(Locale.ROOT)));
        }
        PeerTools.run(line.toArray(String[]::new)).assertSuccess();
        return file;
    }
}
