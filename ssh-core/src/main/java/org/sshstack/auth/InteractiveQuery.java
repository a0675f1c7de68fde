package org.sshstack.auth;

import java.util.List;
import java.util.Objects;
import org.sshstack.wire.UserauthInfoRequest;
import org.sshstack.wire.UserauthInfoRequest.Prompt;

/**
 * One round of keyboard-interactive prompts a server asks (paramiko's {@code InteractiveQuery}, RFC 4256 §3.2).
 *
 * @param name the request name, may be empty
 * @param instruction the instruction, may be empty
 * @param prompts the prompts, at most {@link UserauthInfoRequest#MAX_PROMPTS}
 */
public record InteractiveQuery(String name, String instruction, List<Prompt> prompts) {

    /** Copies and bounds the prompts. */
    public InteractiveQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(instruction, "instruction");
        prompts = List.copyOf(prompts);
        if (prompts.size() > UserauthInfoRequest.MAX_PROMPTS) {
            throw new IllegalArgumentException("at most " + UserauthInfoRequest.MAX_PROMPTS + " prompts");
        }
    }

    /** @return the INFO_REQUEST carrying this query */
    UserauthInfoRequest toMessage() {
        return new UserauthInfoRequest(name, instruction, "", prompts);
    }
}
