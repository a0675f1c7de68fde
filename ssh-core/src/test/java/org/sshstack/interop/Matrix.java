package org.sshstack.interop;

import org.sshstack.transport.DirectionAlgorithms;
import org.sshstack.transport.NegotiatedAlgorithms;

/** Formats one row of the interop negotiation matrix (peer x chosen algorithms) for the test output. */
final class Matrix {

    private Matrix() {
    }

    /**
     * @param peer the peer's identification and role, e.g. "sshd (server)"
     * @param n what our negotiator chose
     * @return a one-line row
     */
    static String row(String peer, NegotiatedAlgorithms n) {
        return "MATRIX | " + peer + " | kex " + n.kex() + " | hostkey " + n.hostKey() + " | c2s " + dir(n.clientToServer())
                + " | s2c " + dir(n.serverToClient()) + " | strict-kex " + n.strictKex() + " | ext-info c/s "
                + n.clientOfferedExtInfo() + "/" + n.serverOfferedExtInfo();
    }

    private static String dir(DirectionAlgorithms d) {
        return d.cipher() + " + " + d.mac().orElse("(aead)") + " + " + d.compression();
    }
}
