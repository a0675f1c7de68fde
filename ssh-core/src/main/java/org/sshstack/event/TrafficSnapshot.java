package org.sshstack.event;

/**
 * Cumulative wire traffic of a connection so far, reported after every key exchange and at the close (never per
 * packet). Bytes are wire bytes: length fields, encrypted packets and MACs.
 *
 * @param packetsIn packets received
 * @param bytesIn bytes received
 * @param packetsOut packets sent
 * @param bytesOut bytes sent
 */
public record TrafficSnapshot(long packetsIn, long bytesIn, long packetsOut, long bytesOut) {
}
