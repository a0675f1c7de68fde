package org.sshstack.client;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.sshstack.transport.PacketListener;
import org.sshstack.wire.MessageNumbers;

/**
 * The packet hook behind {@link Transport#setHexdump(boolean)} (paramiko's {@code set_hexdump}): formats each packet
 * as a header line and rows of 16 bytes (hex and printable ASCII), and hands the text to a sink (the transport's
 * logger at DEBUG). Payloads that carry secrets are never dumped: USERAUTH_REQUEST (passwords, RFC 4252 §8) and
 * USERAUTH_INFO_RESPONSE (keyboard-interactive answers, RFC 4256 §3.4) appear as {@code <redacted>} with their
 * length only. Nothing is formatted while the sink is disabled.
 */
final class HexDump implements PacketListener {

    private static final int ROW = 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Consumer<String> sink;
    private final BooleanSupplier enabled;

    /**
     * @param sink receives one text block per packet
     * @param enabled checked before formatting (e.g. the logger's DEBUG switch)
     */
    HexDump(Consumer<String> sink, BooleanSupplier enabled) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.enabled = Objects.requireNonNull(enabled, "enabled");
    }

    @Override
    public void onPacket(Direction direction, int messageNumber, byte[] payload) {
        if (enabled.getAsBoolean()) {
            sink.accept(format(direction, messageNumber, payload));
        }
    }

    /**
     * @param direction which way the packet went
     * @param messageNumber its message number
     * @param payload the plaintext payload
     * @return the dump: a header line, then the rows (or {@code <redacted>} for secret-bearing messages)
     */
    static String format(Direction direction, int messageNumber, byte[] payload) {
        StringBuilder out = new StringBuilder(64 + payload.length * 4);
        String name = messageNumber == MessageNumbers.USERAUTH_INFO_RESPONSE ? "SSH_MSG_USERAUTH_INFO_RESPONSE"
                : MessageNumbers.name(messageNumber); // 61 is keyboard-interactive's alone (RFC 4256 §5)
        out.append(direction == Direction.INBOUND ? "IN  " : "OUT ").append(name)
                .append(" (").append(messageNumber).append("), ").append(payload.length).append(" bytes");
        if (isSecret(messageNumber)) {
            return out.append(": <redacted>").toString();
        }
        for (int row = 0; row < payload.length; row += ROW) {
            appendRow(out.append('\n'), payload, row, Math.min(ROW, payload.length - row));
        }
        return out.toString();
    }

    /** @return true for the messages whose payloads may hold a password or a keyboard-interactive answer */
    static boolean isSecret(int messageNumber) {
        return messageNumber == MessageNumbers.USERAUTH_REQUEST
                || messageNumber == MessageNumbers.USERAUTH_INFO_RESPONSE;
    }

    private static void appendRow(StringBuilder out, byte[] data, int offset, int length) {
        out.append("  ");
        for (int shift = 20; shift >= 0; shift -= 4) {
            out.append(HEX[(offset >>> shift) & 15]); // six digits: packets stay below 16 MiB
        }
        out.append(": ");
        for (int i = 0; i < ROW; i++) {
            if (i < length) {
                int b = data[offset + i] & 0xff;
                out.append(HEX[b >>> 4]).append(HEX[b & 15]).append(' ');
            } else {
                out.append("   ");
            }
        }
        out.append(' ');
        for (int i = 0; i < length; i++) {
            int b = data[offset + i] & 0xff;
            out.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
    }
}
