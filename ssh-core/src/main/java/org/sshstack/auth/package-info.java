/**
 * User authentication (RFC 4252, RFC 4256, RFC 8332, PROTOCOL.certkeys) as sans-I/O state machines: the client
 * ({@link org.sshstack.auth.ClientAuthenticator}) and the server ({@link org.sshstack.auth.ServerAuthenticator})
 * consume payloads of messages 50-79 through {@code onPayload} and emit payloads through a
 * {@link org.sshstack.transport.PayloadSink}; they open no socket, start no thread and read no clock (the server takes
 * "now" as a value and exposes deadlines). The transport engine routes payloads to them and bridges
 * {@link org.sshstack.auth.AuthListener} to the event layer.
 */
package org.sshstack.auth;
