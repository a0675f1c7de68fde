package org.sshstack.transport.kex;

import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.crypto.kex.KeyExchangeException;

/**
 * The per-message check both key exchange drivers share: a method message (RFC 4253 §7.1, numbers 30-49) must be the
 * one the current step expects, and any failure while handling it leaves the driver failed.
 */
final class KexMessageGuard {

    /** Handles a message that passed the check. */
    interface Handler {
        /**
         * @param payload the payload
         * @return the next step
         * @throws SshException if the message is malformed or refused
         */
        KexStep handle(byte[] payload) throws SshException;
    }

    private KexMessageGuard() {
    }

    /**
     * Checks the message number, then runs the handler; on any failure calls {@code markFailed} first.
     *
     * @param payload the received payload
     * @param expected the message number the current step expects
     * @param over true if the exchange is already done or failed
     * @param method the method, for messages
     * @param peer "server" or "client", for messages
     * @param markFailed puts the driver into its failed state
     * @param handler handles the expected message
     * @return the handler's step
     * @throws SshProtocolException if the message is not legal now
     * @throws KeyExchangeException if the handler fails on a runtime error
     * @throws SshException what the handler throws
     */
    static KexStep dispatch(byte[] payload, int expected, boolean over, KexMethod method, String peer,
            Runnable markFailed, Handler handler) throws SshException {
        int number = KexPayloads.number(payload);
        if (over || number != expected) {
            markFailed.run();
            throw new SshProtocolException("message " + number + " is not legal now in " + method
                    + (over ? " (key exchange over)" : ", expected " + expected));
        }
        try {
            return handler.handle(payload);
        } catch (SshException e) {
            markFailed.run();
            throw e;
        } catch (RuntimeException e) {
            markFailed.run();
            throw new KeyExchangeException("key exchange failed on a bad " + peer + " message", e);
        }
    }
}
