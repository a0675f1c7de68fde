package org.sshstack.client;

import java.nio.charset.StandardCharsets;

/**
 * What a one-call {@link ClientSession#exec} returns.
 *
 * @param stdout everything the command wrote to stdout
 * @param stderr everything the command wrote to stderr
 * @param exitStatus the exit status, or -1 when the command ended without one (killed by a signal)
 */
public record ExecResult(byte[] stdout, byte[] stderr, int exitStatus) {

    /** @return stdout decoded as UTF-8 */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** @return stderr decoded as UTF-8 */
    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ExecResult[stdout=" + stdout.length + " bytes, stderr=" + stderr.length + " bytes, exitStatus="
                + exitStatus + "]";
    }
}
