package org.sshstack.auth.agent;

/** Agent protocol message numbers, signature flags and client-side caps (RFC 9987 §6, draft-ietf-sshm-ssh-agent-15 §6). */
public final class AgentMessage {

    /** SSH_AGENT_FAILURE (RFC 9987 §6.1). */
    public static final int FAILURE = 5;
    /** SSH_AGENT_SUCCESS. */
    public static final int SUCCESS = 6;
    /** SSH_AGENTC_REQUEST_IDENTITIES. */
    public static final int REQUEST_IDENTITIES = 11;
    /** SSH_AGENT_IDENTITIES_ANSWER. */
    public static final int IDENTITIES_ANSWER = 12;
    /** SSH_AGENTC_SIGN_REQUEST. */
    public static final int SIGN_REQUEST = 13;
    /** SSH_AGENT_SIGN_RESPONSE. */
    public static final int SIGN_RESPONSE = 14;
    /** SSH_AGENTC_ADD_IDENTITY. */
    public static final int ADD_IDENTITY = 17;
    /** SSH_AGENTC_REMOVE_IDENTITY. */
    public static final int REMOVE_IDENTITY = 18;
    /** SSH_AGENTC_REMOVE_ALL_IDENTITIES. */
    public static final int REMOVE_ALL_IDENTITIES = 19;
    /** SSH_AGENTC_EXTENSION. */
    public static final int EXTENSION = 27;
    /** SSH_AGENT_EXTENSION_FAILURE. */
    public static final int EXTENSION_FAILURE = 28;
    /** SSH_AGENT_EXTENSION_RESPONSE. */
    public static final int EXTENSION_RESPONSE = 29;

    /** SSH_AGENT_RSA_SHA2_256 sign flag (RFC 9987 §6.3): an RSA key signs with rsa-sha2-256. */
    public static final int FLAG_RSA_SHA2_256 = 0x02;
    /** SSH_AGENT_RSA_SHA2_512 sign flag (RFC 9987 §6.3): an RSA key signs with rsa-sha2-512. */
    public static final int FLAG_RSA_SHA2_512 = 0x04;

    /** Most identities accepted in one IDENTITIES_ANSWER (OpenSSH's agent holds at most 2048 keys). */
    public static final int MAX_IDENTITIES = 2048;

    private AgentMessage() {
    }
}
