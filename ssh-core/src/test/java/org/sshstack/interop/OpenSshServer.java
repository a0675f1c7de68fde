package org.sshstack.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.sshstack.testing.PeerTools;

/**
 * A throwaway OpenSSH {@code sshd} on 127.0.0.1: its own host keys and config in a temporary directory, foreground
 * ({@code -D}), logging to a file ({@code -e}, LogLevel DEBUG3), no PAM (unless asked), no StrictModes, no pid file.
 * Works as root (creates {@code /run/sshd}, the privilege separation directory) and as a normal user (then only that
 * user can log in). Never touches /etc/ssh or ~/.ssh.
 */
public final class OpenSshServer implements ServerFixture {

    private final PeerProcess process;
    private final int port;
    private final Path dir;
    private final Map<String, Path> hostKeys;
    private final Path authorizedKeys;

    private OpenSshServer(PeerProcess process, int port, Path dir, Map<String, Path> hostKeys, Path authorizedKeys) {
        this.process = process;
        this.port = port;
        this.dir = dir;
        this.hostKeys = hostKeys;
        this.authorizedKeys = authorizedKeys;
    }

    /** @return default options: every host key type, password authentication off */
    public static Options options() {
        return new Options();
    }

    /**
     * Generates host keys, writes the config and starts sshd, waiting until it listens.
     *
     * @param dir an empty temporary directory owned by the test
     * @param options the configuration
     * @return the running server
     */
    public static OpenSshServer start(Path dir, Options options) throws IOException, InterruptedException {
        Path sshd = PeerTools.require("sshd");
        PeerTools.require("ssh-keygen");
        if (Privileges.isRoot()) {
            Files.createDirectories(Path.of("/run/sshd")); // privsep chroot, checked only when started as root
        }
        Map<String, Path> keys = HostKeys.generate(dir.resolve("hostkeys"), options.hostKeyTypes);
        List<Path> certificates = new java.util.ArrayList<>();
        if (options.certificateAuthority != null) {
            for (Path key : keys.values()) {
                certificates.add(options.certificateAuthority.sign(Path.of(key + ".pub")));
            }
        }
        Path authorized = options.authorizedKeysFile != null ? options.authorizedKeysFile
                : dir.resolve("authorized_keys");
        if (!Files.exists(authorized)) {
            Files.createFile(authorized);
        }
        Path config = dir.resolve("sshd_config");
        int[] chosen = new int[1];
        PeerProcess process = Loopback.startOnFreePort(port -> {
            Files.writeString(config, options.render(port, keys.values(), certificates, authorized), StandardCharsets.UTF_8);
            PeerProcess p = PeerProcess.start("sshd", dir, Map.of(), dir.resolve("sshd.log"),
                    sshd.toString(), "-D", "-e", "-f", config.toString());
            try {
                p.awaitLog(Pattern.compile("Server listening on 127\\.0\\.0\\.1 port " + port + "\\b"));
                p.awaitListening(port);
            } catch (RuntimeException | Error e) {
                p.close();
                throw e;
            }
            chosen[0] = port;
            return p;
        });
        return new OpenSshServer(process, chosen[0], dir, keys, authorized);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String log() {
        return process.log();
    }

    /** @return the fixture's directory (config, keys, log) */
    public Path dir() {
        return dir;
    }

    /**
     * @param type "ed25519", "ecdsa" or "rsa"
     * @return that host key's private key file (the public key is next to it with ".pub")
     */
    public Path hostKey(String type) {
        Path key = hostKeys.get(type);
        if (key == null) {
            throw new IllegalArgumentException("no " + type + " host key; have " + hostKeys.keySet());
        }
        return key;
    }

    /** @return the AuthorizedKeysFile the server reads (empty unless the test writes it) */
    public Path authorizedKeys() {
        return authorizedKeys;
    }

    /** @return the server's process */
    public PeerProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    /** sshd_config settings; each setter replaces the setting. Unset algorithm lists keep sshd's defaults. */
    public static final class Options {

        private final Map<String, String> settings = new LinkedHashMap<>();
        private List<String> hostKeyTypes = HostKeys.ALL_TYPES;
        private Path authorizedKeysFile;
        private HostCertificates certificateAuthority;

        private Options() {
            settings.put("PasswordAuthentication", "no");
            settings.put("KbdInteractiveAuthentication", "no");
            settings.put("UsePAM", "no");
            settings.put("Subsystem", "sftp internal-sftp");
            settings.put("LogLevel", "DEBUG3");
        }

        /** @param names Ciphers, comma-joined in order */
        public Options ciphers(String... names) {
            return set("Ciphers", String.join(",", names));
        }

        /** @param names MACs */
        public Options macs(String... names) {
            return set("MACs", String.join(",", names));
        }

        /** @param names KexAlgorithms */
        public Options kexAlgorithms(String... names) {
            return set("KexAlgorithms", String.join(",", names));
        }

        /** @param names HostKeyAlgorithms */
        public Options hostKeyAlgorithms(String... names) {
            return set("HostKeyAlgorithms", String.join(",", names));
        }

        /** @param names PubkeyAcceptedAlgorithms */
        public Options pubkeyAcceptedAlgorithms(String... names) {
            return set("PubkeyAcceptedAlgorithms", String.join(",", names));
        }

        /** @param limit RekeyLimit, e.g. "256K" or "1M 10s" */
        public Options rekeyLimit(String limit) {
            return set("RekeyLimit", limit);
        }

        /** @param enabled PasswordAuthentication (default off) */
        public Options passwordAuthentication(boolean enabled) {
            return set("PasswordAuthentication", enabled ? "yes" : "no");
        }

        /** @param enabled KbdInteractiveAuthentication (default off; sshd answers it through PAM) */
        public Options keyboardInteractive(boolean enabled) {
            return set("KbdInteractiveAuthentication", enabled ? "yes" : "no");
        }

        /** @param enabled UsePAM (default off; on, sshd checks system passwords with PAM, needs root) */
        public Options usePam(boolean enabled) {
            return set("UsePAM", enabled ? "yes" : "no");
        }

        /** @param file the AuthorizedKeysFile (absolute); default {@code <dir>/authorized_keys} */
        public Options authorizedKeysFile(Path file) {
            authorizedKeysFile = file.toAbsolutePath();
            return this;
        }

        /** @param types host key types to generate, from {@link HostKeys#ALL_TYPES} */
        public Options hostKeyTypes(String... types) {
            hostKeyTypes = List.of(types);
            return this;
        }

        /** @param ca signs every host key; sshd then also offers them as HostCertificate */
        public Options hostCertificates(HostCertificates ca) {
            certificateAuthority = ca;
            return this;
        }

        /**
         * @param keyword any sshd_config keyword
         * @param value its value
         */
        public Options set(String keyword, String value) {
            settings.put(keyword, value);
            return this;
        }

        String render(int port, Iterable<Path> keys, List<Path> certificates, Path authorized) {
            StringBuilder out = new StringBuilder("# written by OpenSshServer for one test\n");
            out.append("ListenAddress ").append(Loopback.HOST).append(':').append(port).append('\n');
            for (Path key : keys) {
                out.append("HostKey ").append(key.toAbsolutePath()).append('\n');
            }
            for (Path certificate : certificates) {
                out.append("HostCertificate ").append(certificate.toAbsolutePath()).append('\n');
            }
            out.append("PidFile none\nStrictModes no\n");
            out.append("AuthorizedKeysFile ").append(authorized.toAbsolutePath()).append('\n');
            settings.forEach((k, v) -> out.append(k).append(' ').append(v).append('\n'));
            return out.toString();
        }
    }
}
