package org.sshstack.event;

import java.util.Objects;

/**
 * A key exchange started: we sent, or are about to send, SSH_MSG_KEXINIT.
 *
 * @param initial true for the first key exchange of the connection
 * @param trigger why it started
 */
public record KexStarted(boolean initial, KexTrigger trigger) {

    /** Requires the trigger. */
    public KexStarted {
        Objects.requireNonNull(trigger, "trigger");
    }
}
