package org.sshstack.auth;

/** Which side of an authentication an event comes from. */
public enum AuthRole {
    /** The client proving its identity. */
    CLIENT,
    /** The server checking it. */
    SERVER
}
