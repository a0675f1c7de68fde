package org.sshstack.transport;

import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.wire.MessageNumbers;

/**
 * One phase of the transport (DESIGN.md §3): the set of message numbers legal in it and what each does. Anything
 * not legal ends the connection with a typed reason (SECURITY.md A3); nothing is silently ignored except what the
 * RFCs say to ignore. The instances are stateless singletons in {@link TransportPhases}; the state lives in the
 * engine.
 */
abstract class TransportPhase {

    private final String name;

    TransportPhase(String name) {
        this.name = name;
    }

    /**
     * @param engine the engine the packet arrived at
     * @param number the message number
     * @param payload the payload, message number first
     * @throws SshException to end the connection
     */
    abstract void onMessage(TransportEngine engine, int number, byte[] payload) throws SshException;

    /** @return the phase name, for messages and tests */
    final String name() {
        return name;
    }

    /** The RFC 4253 §11 generic messages; DISCONNECT, IGNORE, UNIMPLEMENTED, DEBUG. */
    static boolean isGeneric(int number) {
        return number >= MessageNumbers.DISCONNECT && number <= MessageNumbers.DEBUG;
    }

    /** @return a PROTOCOL_ERROR naming the message and this phase */
    final SshException unexpected(int number) {
        return new SshException(DisconnectReason.PROTOCOL_ERROR, "unexpected message " + number + " ("
                + MessageNumbers.name(number) + ") in phase " + name);
    }

    @Override
    public String toString() {
        return name;
    }
}
