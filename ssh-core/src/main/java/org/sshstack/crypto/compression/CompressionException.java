package org.sshstack.crypto.compression;

import org.sshstack.DisconnectReason;
import org.sshstack.SshException;

/**
 * A compressed payload that cannot be inflated safely: corrupt zlib data, an ended stream, or a packet that inflates
 * past the cap (a decompression bomb). Ends the connection with {@link DisconnectReason#COMPRESSION_ERROR}.
 */
public class CompressionException extends SshException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong with the compressed data */
    public CompressionException(String message) {
        super(DisconnectReason.COMPRESSION_ERROR, message);
    }

    /**
     * @param message what was wrong with the compressed data
     * @param cause the underlying failure
     */
    public CompressionException(String message, Throwable cause) {
        super(DisconnectReason.COMPRESSION_ERROR, message, cause);
    }
}
