/**
 * SSH payload compression: {@code none}, {@code zlib} (RFC 4253 §6.2) and the delayed {@code zlib@openssh.com}
 * (draft-miller-secsh-compression-delayed-00, OpenSSH PROTOCOL §1.2).
 *
 * <p>Each direction has its own object: a {@link org.sshstack.crypto.compression.Compressor} for outgoing payloads and
 * a {@link org.sshstack.crypto.compression.Decompressor} for incoming ones, made by a
 * {@link org.sshstack.crypto.compression.CompressionAlgorithm} found by wire name in
 * {@link org.sshstack.crypto.compression.CompressionAlgorithms}.
 *
 * <p>How the transport drives them:
 * <ul>
 *   <li>One zlib stream per direction for the life of one set of keys: the context carries from packet to packet.
 *       RFC 4253 §6.2 re-initialises it after each key exchange, so the transport closes the old pair and makes a
 *       new one at every NEWKEYS (OpenSSH does the same).</li>
 *   <li>{@code zlib} starts with the first packet after NEWKEYS. A {@link
 *       org.sshstack.crypto.compression.CompressionAlgorithm#delayed() delayed} algorithm starts only once user
 *       authentication has succeeded (see {@link org.sshstack.crypto.compression.CompressionAlgorithm#delayed()} for
 *       the exact packet); the algorithm objects hold no such state, the transport decides when to switch.</li>
 *   <li>Inflation is bounded: one packet never inflates past the decompressor's cap (default
 *       {@link org.sshstack.wire.WireLimits#MAX_PACKET}); passing it, corrupt data or an ended stream raise
 *       {@link org.sshstack.crypto.compression.CompressionException} (disconnect reason COMPRESSION_ERROR).</li>
 *   <li>Instances are confined to the one thread that runs the connection's transport; nothing here is thread-safe
 *       and nothing locks.</li>
 * </ul>
 */
package org.sshstack.crypto.compression;
