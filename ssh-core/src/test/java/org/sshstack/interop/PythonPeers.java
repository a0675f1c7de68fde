package org.sshstack.interop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sshstack.testing.PeerTools;

/**
 * Runs the Python peer scripts in this package's test resources with Debian's {@code /usr/bin/python3}, which has
 * paramiko and AsyncSSH (the {@code python3} first on a developer's PATH may be a pyenv one without them).
 */
public final class PythonPeers {

    /** The interpreter with the Debian packages. */
    public static final Path PYTHON = Path.of("/usr/bin/python3");

    /** Unbuffered output (the fixture waits for the LISTENING line), no deprecation noise, no user site. */
    static final Map<String, String> ENV = Map.of("PYTHONUNBUFFERED", "1", "PYTHONWARNINGS", "ignore",
            "PYTHONNOUSERSITE", "1", "PYTHONPATH", "");

    private static final Pattern LISTENING = Pattern.compile("^LISTENING (\\d+)$", Pattern.MULTILINE);

    private PythonPeers() {
    }

    /**
     * Skips (laptop) or fails (CI) unless {@code /usr/bin/python3} can import the module.
     *
     * @param module "paramiko" or "asyncssh"
     */
    public static void requireModule(String module) throws IOException, InterruptedException {
        boolean available = Files.isExecutable(PYTHON) && PeerTools.runIn(null, ENV, Duration.ofSeconds(30), null,
                PYTHON.toString(), "-c", "import " + module).exitCode() == 0;
        PeerTools.requireAvailable(available, module + " for " + PYTHON);
    }

    /**
     * Copies a script from this package's test resources into a directory.
     *
     * @param dir the target directory
     * @param name the resource name, e.g. "paramiko_server.py"
     * @return the copied file
     */
    public static Path script(Path dir, String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = PythonPeers.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /**
     * Runs a client script to completion.
     *
     * @param dir a temporary working directory
     * @param module the module the script needs
     * @param name the script's resource name
     * @param timeout the bound
     * @param args the script's arguments
     * @return exit code, stdout, stderr
     */
    public static PeerTools.Result run(Path dir, String module, String name, Duration timeout, List<String> args)
            throws IOException, InterruptedException {
        requireModule(module);
        List<String> line = new ArrayList<>(List.of(PYTHON.toString(), script(dir, name).toString()));
        line.addAll(args);
        return PeerTools.runIn(dir, ENV, timeout, null, line.toArray(String[]::new));
    }

    /**
     * Starts a server script with {@code --port 0} and waits for its "LISTENING port" line and for the port to
     * accept connections. Letting the script bind port 0 itself avoids any race for the port.
     *
     * @param dir a temporary working directory
     * @param module the module the script needs
     * @param name the script's resource name
     * @param args further arguments
     * @return the process and its port
     */
    static Started startServer(Path dir, String module, String name, List<String> args)
            throws IOException, InterruptedException {
        requireModule(module);
        List<String> line = new ArrayList<>(List.of(PYTHON.toString(), script(dir, name).toString(), "--port", "0"));
        line.addAll(args);
        PeerProcess process = PeerProcess.start(module, dir, ENV, dir.resolve(module + "-server.log"),
                line.toArray(String[]::new));
        try {
            Matcher m = process.awaitLog(LISTENING);
            int port = Integer.parseInt(m.group(1));
            process.awaitListening(port);
            return new Started(process, port);
        } catch (RuntimeException | Error e) {
            process.close();
            throw e;
        }
    }

    /**
     * A started server script.
     *
     * @param process the process
     * @param port the port it listens on
     */
    record Started(PeerProcess process, int port) {
    }

    /**
     * Parses a client script's {@code --list} output.
     *
     * @param stdout lines "supported &lt;family&gt; &lt;name&gt;"
     * @return the names by family, in the order printed
     */
    static Map<String, List<String>> supportedLines(String stdout) {
        Map<String, List<String>> found = new java.util.LinkedHashMap<>();
        stdout.lines().map(l -> l.trim().split(" ")).filter(w -> w.length == 3 && w[0].equals("supported"))
                .forEach(w -> found.computeIfAbsent(w[1], k -> new ArrayList<>()).add(w[2]));
        return found;
    }
}
