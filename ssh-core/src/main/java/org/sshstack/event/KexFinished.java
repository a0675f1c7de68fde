package org.sshstack.event;

import java.util.Objects;

/**
 * A key exchange ended, with new keys in both directions or with a failure. Algorithm fields are empty strings when
 * the failure came before negotiation; no field ever holds key material.
 *
 * @param initial true for the first key exchange of the connection
 * @param trigger why it started
 * @param success true when new keys are in use in both directions
 * @param kex the key exchange method
 * @param hostKeyAlgorithm the server host key algorithm
 * @param cipherClientToServer the cipher from client to server
 * @param cipherServerToClient the cipher from server to client
 * @param macClientToServer the MAC from client to server ("" for AEAD ciphers)
 * @param macServerToClient the MAC from server to client ("" for AEAD ciphers)
 * @param compressionClientToServer the compression from client to server
 * @param compressionServerToClient the compression from server to client
 * @param strictKex whether strict key exchange (Terrapin countermeasure) is on for the connection
 * @param durationNanos from our KEXINIT to the peer's NEWKEYS (or the failure), by the injected clock
 * @param failure the failure message, "" on success
 */
public record KexFinished(boolean initial, KexTrigger trigger, boolean success, String kex, String hostKeyAlgorithm,
        String cipherClientToServer, String cipherServerToClient, String macClientToServer, String macServerToClient,
        String compressionClientToServer, String compressionServerToClient, boolean strictKex, long durationNanos,
        String failure) {

    /** Requires every string (empty when not known). */
    public KexFinished {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(kex, "kex");
        Objects.requireNonNull(hostKeyAlgorithm, "hostKeyAlgorithm");
        Objects.requireNonNull(cipherClientToServer, "cipherClientToServer");
        Objects.requireNonNull(cipherServerToClient, "cipherServerToClient");
        Objects.requireNonNull(macClientToServer, "macClientToServer");
        Objects.requireNonNull(macServerToClient, "macServerToClient");
        Objects.requireNonNull(compressionClientToServer, "compressionClientToServer");
        Objects.requireNonNull(compressionServerToClient, "compressionServerToClient");
        Objects.requireNonNull(failure, "failure");
    }
}
