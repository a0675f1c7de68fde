package org.sshstack.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;

/**
 * Push parser for the peer's side of the version exchange (RFC 4253 §4.2): fed raw bytes as they arrive, it yields
 * the peer's identification string once its line is complete, together with the bytes that followed it (the start
 * of the binary packet stream).
 *
 * <p>Rules: lines end with CR LF; a bare LF is accepted too, as OpenSSH does. A client accepts up to
 * {@link #MAX_PRE_BANNER_LINES} other lines before the server's identification (RFC 4253 §4.2 lets the server send
 * them; OpenSSH caps them at 1024); a server accepts none, so the client's first byte must start "SSH-". At most
 * {@link #MAX_TOTAL_BYTES} bytes are read before the identification completes (SECURITY.md §6.2, B2). NUL bytes are
 * refused anywhere. Not thread-safe; one instance per connection.
 */
public final class VersionExchange {

    /** Most lines a server may send before its identification (OpenSSH's SSH_MAX_PRE_BANNER_LINES). */
    public static final int MAX_PRE_BANNER_LINES = 1024;

    /** Most bytes read before the identification is complete, pre-banner lines included. */
    public static final int MAX_TOTAL_BYTES = 64 * 1024;

    private static final byte[] PREFIX = {'S', 'S', 'H', '-'};

    private final Role role;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final List<String> preBannerLines = new ArrayList<>();
    private int totalBytes;
    private boolean finished;
    private boolean prefixSoFar = true;

    private VersionExchange(Role role) {
        this.role = role;
    }

    /**
     * @param localRole our role: a client reads the server's identification, a server the client's
     * @return a parser for the peer's identification
     */
    public static VersionExchange reading(Role localRole) {
        return new VersionExchange(localRole);
    }

    /**
     * The outcome of a completed version exchange.
     *
     * @param peer the peer's identification string
     * @param leftover bytes received after the identification's line end: the start of the packet stream
     * @param preBannerLines lines the server sent before its identification (client side only), decoded as
     *     UTF-8 with replacement; they come from the peer, so strip control characters before displaying them
     */
    public record Result(Identification peer, byte[] leftover, List<String> preBannerLines) {

        /** Copies the fields. */
        public Result {
            leftover = leftover.clone();
            preBannerLines = List.copyOf(preBannerLines);
        }

        /** @return a copy of the leftover bytes */
        @Override
        public byte[] leftover() {
            return leftover.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Result that && peer.equals(that.peer) && Arrays.equals(leftover, that.leftover)
                    && preBannerLines.equals(that.preBannerLines);
        }

        @Override
        public int hashCode() {
            return peer.hashCode() * 31 + Arrays.hashCode(leftover);
        }

        @Override
        public String toString() {
            return "Result[" + peer.line() + ", " + leftover.length + " leftover bytes, " + preBannerLines.size()
                    + " pre-banner lines]";
        }
    }

    /**
     * @param data received bytes, all of them
     * @return the result once the identification is complete, otherwise empty (feed more)
     * @throws SshException if the peer broke a rule; see the class comment
     */
    public Optional<Result> feed(byte[] data) throws SshException {
        return feed(data, 0, data.length);
    }

    /**
     * @param data the backing array
     * @param offset where the received bytes start
     * @param length how many bytes were received
     * @return the result once the identification is complete, otherwise empty (feed more)
     * @throws SshException if the peer broke a rule; see the class comment
     * @throws IllegalStateException if called again after a result or a failure
     */
    public Optional<Result> feed(byte[] data, int offset, int length) throws SshException {
        if (finished) {
            throw new IllegalStateException("the version exchange is over");
        }
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("range outside the array");
        }
        finished = true; // stays true if a rule is broken below
        for (int i = offset; i < offset + length; i++) {
            Identification id = accept(data[i]);
            if (id != null) {
                byte[] leftover = Arrays.copyOfRange(data, i + 1, offset + length);
                return Optional.of(new Result(id, leftover, preBannerLines));
            }
        }
        finished = false;
        return Optional.empty();
    }

    private Identification accept(byte b) throws SshException {
        if (++totalBytes > MAX_TOTAL_BYTES) {
            throw new SshProtocolException("no identification string within the first " + MAX_TOTAL_BYTES
                    + " bytes");
        }
        if (b == '\n') {
            return endOfLine();
        }
        if (b == 0) {
            throw new SshProtocolException("NUL byte before the end of the identification string");
        }
        if (line.size() < PREFIX.length) {
            prefixSoFar &= b == PREFIX[line.size()];
        }
        line.write(b);
        checkPartialLine();
        return null;
    }

    private void checkPartialLine() throws SshException {
        if (!prefixSoFar && role == Role.SERVER) {
            // RFC 4253 §4.2: only the server may send lines before its identification
            throw new SshProtocolException("the client sent something other than an identification string");
        }
        if (prefixSoFar && line.size() > Identification.MAX_LENGTH + 1) {
            throw new SshProtocolException("identification string is longer than 255 characters with CR LF");
        }
    }

    private Identification endOfLine() throws SshException {
        byte[] raw = line.toByteArray();
        boolean identification = prefixSoFar && raw.length >= PREFIX.length;
        line.reset();
        prefixSoFar = true;
        int end = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        if (identification) {
            return Identification.parse(new String(raw, 0, end, StandardCharsets.ISO_8859_1));
        }
        if (role == Role.SERVER) {
            throw new SshProtocolException("the client sent something other than an identification string");
        }
        if (preBannerLines.size() == MAX_PRE_BANNER_LINES) {
            throw new SshProtocolException("the server sent more than " + MAX_PRE_BANNER_LINES
                    + " lines before its identification string");
        }
        preBannerLines.add(new String(raw, 0, end, StandardCharsets.UTF_8));
        return null;
    }
}
