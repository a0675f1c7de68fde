package org.sshstack.transport;

import java.util.Objects;
import java.util.Optional;

/**
 * The algorithms negotiated for one direction of the connection (RFC 4253 §7.1).
 *
 * @param cipher the encryption algorithm
 * @param mac the MAC algorithm, empty when the cipher is AEAD and the MAC list was ignored
 * @param compression the compression algorithm
 * @param language the language tag, empty when the sides share none (the usual case: both lists are empty)
 */
public record DirectionAlgorithms(String cipher, Optional<String> mac, String compression, Optional<String> language) {

    /** Checks no field is null. */
    public DirectionAlgorithms {
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(language, "language");
    }
}
