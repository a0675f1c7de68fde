package org.sshstack.transport;

/** Which end of the connection an engine plays; the protocol is asymmetric in the version exchange and KEXINIT. */
public enum Role {
    /** The side that opened the connection. */
    CLIENT,
    /** The side that accepted it. */
    SERVER
}
