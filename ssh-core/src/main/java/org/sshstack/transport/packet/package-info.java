/**
 * The binary packet protocol (RFC 4253 §6), sans I/O: {@link org.sshstack.transport.packet.PacketEncoder} turns
 * payloads into wire bytes and {@link org.sshstack.transport.packet.PacketDecoder} turns wire bytes back into
 * payloads, each for one direction, with compression, random padding, sealing/opening, sequence numbers (including
 * the strict-kex reset, draft-ietf-sshm-strict-kex §3.3) and the counters the rekey policy needs.
 *
 * <p>Keys change only between two packets: the engine installs a new sealer right after it has encoded
 * SSH_MSG_NEWKEYS, and a new opener right after the decoder has returned the peer's SSH_MSG_NEWKEYS; the decoder
 * never touches the bytes of a packet before it is asked for it, so buffered bytes of the next packet are opened
 * with the new keys. Nothing here opens a socket, starts a thread, reads a clock or logs.
 */
package org.sshstack.transport.packet;
