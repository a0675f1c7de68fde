/**
 * The ssh-agent protocol (RFC 9987, OpenSSH PROTOCOL.agent), client side and sans-I/O: message framing and codec
 * ({@link org.sshstack.auth.agent.AgentFraming}, {@link org.sshstack.auth.agent.AgentCodec}), a client over any
 * {@link org.sshstack.auth.agent.AgentConnection}, and agent keys as signers
 * ({@link org.sshstack.auth.agent.AgentIdentity}). The socket lives in {@code org.sshstack.io.agent}.
 */
package org.sshstack.auth.agent;
