package org.sshstack.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sshstack.testing.PeerTools;

/** Generates throwaway host keys with {@code ssh-keygen} (OpenSSH format, no passphrase) and reads fingerprints. */
public final class HostKeys {

    /** Every key type the OpenSSH fixtures use: Ed25519, ECDSA P-256 and RSA 3072. */
    public static final List<String> ALL_TYPES = List.of("ed25519", "ecdsa", "ecdsa384", "ecdsa521", "rsa");

    private HostKeys() {
    }

    /**
     * @param dir where the keys go (files {@code ssh_host_<type>_key} and {@code .pub})
     * @param types key types for {@code ssh-keygen -t}
     * @return the private key file by type, in the given order
     */
    public static Map<String, Path> generate(Path dir, List<String> types) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Map<String, Path> keys = new LinkedHashMap<>();
        for (String type : types) {
            keys.put(type, generate(dir.resolve("ssh_host_" + type + "_key"), type));
        }
        return keys;
    }

    /**
     * @param file the private key file to create (the public key goes to file + ".pub")
     * @param type a key type for {@code ssh-keygen -t}, or {@code ecdsa384}/{@code ecdsa521} for the larger
     *     curves; RSA keys get 3072 bits
     * @return the file
     */
    public static Path generate(Path file, String type) throws IOException, InterruptedException {
        if (type.startsWith("ecdsa") && type.length() > "ecdsa".length()) {
            PeerTools.run("ssh-keygen", "-q", "-t", "ecdsa", "-b", type.substring("ecdsa".length()), "-N", "", "-C",
                    "", "-f", file.toString()).assertSuccess();
        } else if (type.equals("rsa")) {
            PeerTools.run("ssh-keygen", "-q", "-t", "rsa", "-b", "3072", "-N", "", "-C", "", "-f", file.toString())
                    .assertSuccess();
        } else {
            PeerTools.run("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "", "-f", file.toString()).assertSuccess();
        }
        return file;
    }

    /**
     * @param key a private or public key file
     * @return its SHA-256 fingerprint, {@code SHA256:...}, as {@code ssh-keygen -l} prints it
     */
    public static String sha256Fingerprint(Path key) throws IOException, InterruptedException {
        String line = PeerTools.run("ssh-keygen", "-l", "-E", "sha256", "-f", key.toString()).assertSuccess().stdout();
        return line.trim().split("\\s+")[1];
    }
}
