package org.sshstack.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sshstack.testing.PeerTools;

/** Command-line pieces shared by the OpenSSH-based SFTP peers (sftp, scp, lftp through ssh). */
final class SftpPeers {

    /** Bound for one peer run (the trees and files of the peer tests are small). */
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private SftpPeers() {
    }

    /**
     * Hermetic ssh options: no config file, a throwaway known_hosts, only the target's client key, no agent.
     *
     * @param dir the test's directory (holds known_hosts)
     * @return "-o", "Keyword=value" pairs (and {@code -F /dev/null})
     */
    static List<String> sshOptions(SftpTarget target, Path dir) {
        List<String> line = new ArrayList<>(List.of("-F", "/dev/null"));
        for (String option : List.of("UserKnownHostsFile=" + dir.resolve("known_hosts"),
                "GlobalKnownHostsFile=/dev/null", "StrictHostKeyChecking=no", "BatchMode=yes", "IdentitiesOnly=yes", "IdentityAgent=none",
                "IdentityFile=" + target.clientKey().toAbsolutePath(), "User=" + target.user())) {
            line.add("-o");
            line.add(option);
        }
        return line;
    }

    /**
     * Runs a peer with standard error merged into standard output (through {@code sh -c ... 2>&1}), so error
     * messages stay next to the command that caused them.
     *
     * @param workDir the working directory
     * @param env extra environment
     * @param command the command line; its first element is looked up on the PATH
     * @return exit code and the merged output (stderr of the result is empty)
     */
    static PeerTools.Result runMerged(Path workDir, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$0\" \"$@\" 2>&1",
                PeerTools.require(command.get(0)).toString()));
        line.addAll(command.subList(1, command.size()));
        return PeerTools.runIn(workDir, env, TIMEOUT, null, line.toArray(String[]::new));
    }
}
