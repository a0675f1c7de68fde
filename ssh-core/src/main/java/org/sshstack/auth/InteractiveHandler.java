package org.sshstack.auth;

import java.util.List;
import org.sshstack.AuthenticationException;
import org.sshstack.wire.UserauthInfoRequest.Prompt;

/**
 * Answers keyboard-interactive prompts (RFC 4256 §3.3; paramiko's {@code handler(title, instructions, prompts)}).
 * All text comes from the server: strip terminal control characters before showing it.
 */
@FunctionalInterface
public interface InteractiveHandler {

    /**
     * @param name the request name (a dialog title), possibly empty
     * @param instruction the instruction, possibly empty
     * @param prompts the prompts, possibly none (then return an empty list)
     * @return one answer per prompt, in order
     * @throws AuthenticationException to give up the attempt
     */
    List<String> respond(String name, String instruction, List<Prompt> prompts) throws AuthenticationException;
}
