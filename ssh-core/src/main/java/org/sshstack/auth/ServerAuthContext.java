package org.sshstack.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * Per-connection facts a {@link ServerAuthenticator} needs, passed in because it reads no clock and no socket.
 *
 * @param sessionId the exchange hash H of the first key exchange (RFC 4253 §7.2)
 * @param peerAddress the client's literal IP address, for certificate {@code source-address}
 * @param startNanos the driver's monotonic clock when authentication began (login grace starts here)
 * @param startWallClock the wall-clock time at {@code startNanos}, for certificate validity
 */
public record ServerAuthContext(byte[] sessionId, String peerAddress, long startNanos, Instant startWallClock) {

    /** Copies the session identifier. */
    public ServerAuthContext {
        sessionId = sessionId.clone();
        Objects.requireNonNull(peerAddress, "peerAddress");
        Objects.requireNonNull(startWallClock, "startWallClock");
    }

    @Override
    public byte[] sessionId() {
        return sessionId.clone();
    }

    /** @param nowNanos the driver's monotonic clock @return the wall-clock time then */
    Instant wallClockAt(long nowNanos) {
        return startWallClock.plusNanos(nowNanos - startNanos);
    }
}
