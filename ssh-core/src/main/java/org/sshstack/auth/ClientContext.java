package org.sshstack.auth;

import org.sshstack.transport.PayloadSink;

/**
 * What every client attempt shares: the session identifier, where to send, the settings.
 *
 * @param sessionId the exchange hash H of the first key exchange (RFC 4253 §7.2)
 * @param sink where payloads go
 * @param config the client settings
 */
record ClientContext(byte[] sessionId, PayloadSink sink, ClientAuthConfig config) {
}
