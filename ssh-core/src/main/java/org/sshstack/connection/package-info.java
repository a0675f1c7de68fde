/**
 * The SSH connection protocol (RFC 4254), sans-I/O: {@link org.sshstack.connection.ConnectionMultiplexer} consumes
 * payloads 80-127 and emits payloads through a {@link org.sshstack.transport.PayloadSink}; channels have bounded
 * buffers, per-direction windows and packet sizes, and typed session requests.
 */
package org.sshstack.connection;
