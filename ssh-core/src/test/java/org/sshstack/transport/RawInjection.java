package org.sshstack.transport;

import org.sshstack.SshException;

/**
 * Test-only bridge to the engine's package-private injection seam, for hostile-peer tests in other packages: sends a
 * payload with the current keys, bypassing every rule of {@link TransportEngine#sendPayload} (message number, phase,
 * accepted service).
 */
public final class RawInjection {

    private RawInjection() {
    }

    /**
     * @param engine a transport engine (call under its driver's lock, or from the only thread using it)
     * @param payload any payload
     * @throws SshException if it cannot be encoded
     */
    public static void inject(TransportEngine engine, byte[] payload) throws SshException {
        engine.injectRaw(payload);
    }
}
