package org.sshstack.transport.kex;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a key exchange driver asks of the engine after a message: payloads to send, in order, and when the method
 * is finished, its result (after which the engine sends NEWKEYS once the host key is trusted).
 *
 * @param payloads payloads to send now, possibly none
 * @param result the result when the method is finished
 */
public record KexStep(List<byte[]> payloads, Optional<KexResult> result) {

    /** Copies the list. */
    public KexStep {
        payloads = List.copyOf(payloads);
        Objects.requireNonNull(result, "result");
    }

    /**
     * @param payload the payload to send next
     * @return a step that is not finished
     */
    public static KexStep send(byte[] payload) {
        return new KexStep(List.of(payload), Optional.empty());
    }

    /**
     * @param result the finished exchange
     * @param payloads payloads to send first (the server's reply), possibly none
     * @return a finished step
     */
    public static KexStep done(KexResult result, byte[]... payloads) {
        return new KexStep(List.of(payloads), Optional.of(result));
    }

    /** @return true when the method is finished */
    public boolean complete() {
        return result.isPresent();
    }

    /** @return the number of payloads and whether the method is finished */
    @Override
    public String toString() {
        return "KexStep[" + payloads.size() + " payload(s), " + (complete() ? "complete" : "in progress") + "]";
    }
}
