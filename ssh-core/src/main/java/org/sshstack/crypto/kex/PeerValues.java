package org.sshstack.crypto.kex;

/** Length checks on peer values, done before any parsing or allocation. */
final class PeerValues {

    private PeerValues() {
    }

    /**
     * @param value the peer's bytes
     * @param expected the only legal length
     * @param what names the value in the error message
     * @return the value
     * @throws KeyExchangeException if the value is missing or of another length
     */
    static byte[] requireLength(byte[] value, int expected, String what) throws KeyExchangeException {
        if (value == null) {
            throw new KeyExchangeException(what + " is missing");
        }
        if (value.length != expected) {
            throw new KeyExchangeException(what + " has " + value.length + " bytes, expected " + expected);
        }
        return value;
    }
}
