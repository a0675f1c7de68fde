package org.sshstack.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sshstack.testing.PeerTools;

/**
 * A throwaway Dropbear server on 127.0.0.1 (SECURITY.md §4.2): foreground ({@code -F}), logging to stderr
 * ({@code -E}) into a file, host keys made by {@code dropbearkey} in a temporary directory, pid file there too.
 * Dropbear authenticates public keys against the target user's own ~/.ssh/authorized_keys, so tests that log in
 * must use password authentication or a dedicated user; the fixture itself never writes there.
 */
public final class DropbearServer implements ServerFixture {

    private final PeerProcess process;
    private final int port;
    private final List<Path> hostKeys;

    private DropbearServer(PeerProcess process, int port, List<Path> hostKeys) {
        this.process = process;
        this.port = port;
        this.hostKeys = hostKeys;
    }

    /** @return default options: Ed25519, ECDSA and RSA host keys, password logins off ({@code -s}) */
    public static Options options() {
        return new Options();
    }

    /**
     * Generates host keys and starts dropbear, waiting until it accepts connections.
     *
     * @param dir an empty temporary directory owned by the test
     * @param options the command-line options
     * @return the running server
     */
    public static DropbearServer start(Path dir, Options options) throws IOException, InterruptedException {
        Path dropbear = PeerTools.require("dropbear");
        PeerTools.require("dropbearkey");
        List<Path> keys = new ArrayList<>();
        for (String type : options.hostKeyTypes) {
            Path key = dir.resolve("dropbear_" + type + "_host_key");
            Files.deleteIfExists(key); // dropbearkey refuses to overwrite
            PeerTools.run(dropbearKeyCommand(type, key)).assertSuccess();
            keys.add(key);
        }
        int[] chosen = new int[1];
        PeerProcess process = Loopback.startOnFreePort(port -> {
            List<String> line = options.commandLine(dropbear, port, keys, dir.resolve("dropbear.pid"));
            PeerProcess p = PeerProcess.start("dropbear", dir, Map.of(), dir.resolve("dropbear.log"),
                    line.toArray(String[]::new));
            try {
                p.awaitListening(port);
            } catch (RuntimeException | Error e) {
                p.close();
                throw e;
            }
            chosen[0] = port;
            return p;
        });
        return new DropbearServer(process, chosen[0], keys);
    }

    /** {@code dropbearkey} for a type, "ecdsa384" and "ecdsa521" meaning ECDSA with that curve size. */
    private static String[] dropbearKeyCommand(String type, Path key) {
        boolean sizedEcdsa = type.startsWith("ecdsa") && type.length() > "ecdsa".length();
        return sizedEcdsa ? new String[] {"dropbearkey", "-t", "ecdsa", "-s", type.substring("ecdsa".length()), "-f",
                key.toString()} : new String[] {"dropbearkey", "-t", type, "-f", key.toString()};
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String log() {
        return process.log();
    }

    /** @return the host key files (Dropbear format), in the order given to {@code -r} */
    public List<Path> hostKeys() {
        return hostKeys;
    }

    @Override
    public void close() {
        process.close();
    }

    /** Dropbear command-line options. */
    public static final class Options {

        private List<String> hostKeyTypes = List.of("ed25519", "ecdsa", "rsa");
        private boolean passwordLogins;
        private int maxAuthTries;
        private final List<String> extra = new ArrayList<>();

        private Options() {
        }

        /**
         * @param types key types for {@code dropbearkey -t}, or "ecdsa384"/"ecdsa521" for the larger curves
         *     (Dropbear accepts one ECDSA host key only, so one curve per server)
         */
        public Options hostKeyTypes(String... types) {
            hostKeyTypes = List.of(types);
            return this;
        }

        /** @param enabled allow password logins (default off: {@code -s}) */
        public Options passwordLogins(boolean enabled) {
            passwordLogins = enabled;
            return this;
        }

        /** @param tries {@code -T}: most authentication attempts per connection (0 keeps Dropbear's 10) */
        public Options maxAuthTries(int tries) {
            maxAuthTries = tries;
            return this;
        }

        /** @param args further options, e.g. "-I", "60" or "-j" */
        public Options extra(String... args) {
            extra.addAll(List.of(args));
            return this;
        }

        List<String> commandLine(Path dropbear, int port, List<Path> keys, Path pidFile) {
            List<String> line = new ArrayList<>(List.of(dropbear.toString(), "-F", "-E",
                    "-p", Loopback.HOST + ":" + port, "-P", pidFile.toString()));
            for (Path key : keys) {
                line.add("-r");
                line.add(key.toString());
            }
            if (!passwordLogins) {
                line.add("-s");
            }
            if (maxAuthTries > 0) {
                line.add("-T");
                line.add(Integer.toString(maxAuthTries));
            }
            line.addAll(extra);
            return line;
        }
    }
}
