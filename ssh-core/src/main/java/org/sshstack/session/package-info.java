/**
 * Client and server engines composing {@code transport}, {@code auth} and {@code connection} into one sans-I/O
 * {@link org.sshstack.transport.ProtocolEngine} per connection (DESIGN.md §3-4, ANCHORS.md §3.4): payloads are
 * routed by message number (50-79 to authentication, 80-127 to the channel multiplexer), authentication success
 * switches the transport to the connection protocol, and the upper layers' events reach
 * {@link org.sshstack.event.SshEventListener}. No I/O, no threads, no clock but the transport's injected one.
 */
package org.sshstack.session;
