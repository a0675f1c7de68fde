package org.sshstack.auth.agent;

/**
 * One raw entry of an IDENTITIES_ANSWER (RFC 9987 §3.5): a public key blob the agent holds and its comment.
 * The blob is not yet decoded, so entries of key types sshstack does not know survive parsing.
 *
 * @param keyBlob the public key or certificate blob (RFC 9987 §3.3); not copied
 * @param comment the UTF-8 comment, possibly empty
 */
public record AgentKeyEntry(byte[] keyBlob, String comment) {
}
