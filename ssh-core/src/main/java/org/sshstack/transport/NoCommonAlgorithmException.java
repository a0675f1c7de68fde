package org.sshstack.transport;

import java.util.List;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;

/**
 * KEXINIT negotiation found no algorithm both sides accept in one category (RFC 4253 §7.1: "both sides MUST
 * disconnect"); maps to {@link DisconnectReason#KEY_EXCHANGE_FAILED}. The message names the category and both lists.
 */
public class NoCommonAlgorithmException extends SshException {

    private static final long serialVersionUID = 1L;

    /** Most names of each list quoted in the message. */
    private static final int QUOTED_NAMES = 24;

    private final String category;
    private final List<String> clientOffer;
    private final List<String> serverOffer;

    /**
     * @param category what was negotiated, e.g. "cipher client-to-server"
     * @param clientOffer the client's list, without pseudo-algorithms
     * @param serverOffer the server's list, without pseudo-algorithms
     * @param detail an extra explanation, empty for none
     */
    public NoCommonAlgorithmException(String category, List<String> clientOffer, List<String> serverOffer,
            String detail) {
        super(DisconnectReason.KEY_EXCHANGE_FAILED, "no common " + category + " algorithm" + detail
                + ": client offered " + quote(clientOffer) + ", server offered " + quote(serverOffer));
        this.category = category;
        this.clientOffer = List.copyOf(clientOffer);
        this.serverOffer = List.copyOf(serverOffer);
    }

    /** @return the category, e.g. "key exchange", "host key", "MAC server-to-client" */
    public String category() {
        return category;
    }

    /** @return the client's list */
    public List<String> clientOffer() {
        return clientOffer;
    }

    /** @return the server's list */
    public List<String> serverOffer() {
        return serverOffer;
    }

    private static String quote(List<String> names) {
        if (names.size() <= QUOTED_NAMES) {
            return names.toString();
        }
        return names.subList(0, QUOTED_NAMES) + " and " + (names.size() - QUOTED_NAMES) + " more";
    }
}
