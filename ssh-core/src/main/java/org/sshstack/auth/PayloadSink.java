package org.sshstack.auth;

/** Where an authenticator puts the payloads it wants sent: the transport engine encrypts and queues them. */
@FunctionalInterface
public interface PayloadSink {

    /**
     * Queues one message payload (first byte the message number) for sending, in order.
     *
     * @param payload the payload; the sink owns it after the call
     */
    void send(byte[] payload);
}
