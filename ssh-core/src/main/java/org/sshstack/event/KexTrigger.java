package org.sshstack.event;

/** Why a key exchange started (RFC 4253 §9). */
public enum KexTrigger {
    /** The first key exchange of the connection. */
    INITIAL,
    /** The byte limit of the current keys was reached. */
    BYTES,
    /** The time limit of the current keys was reached. */
    TIME,
    /** The packet limit of the current keys was reached. */
    PACKETS,
    /** The peer sent SSH_MSG_KEXINIT. */
    PEER,
    /** The application asked for new keys. */
    EXPLICIT
}
