/**
 * The RFC 4253 transport engine, sans I/O: version exchange, algorithm negotiation and the default algorithm
 * lists. Nothing here opens a socket or starts a thread.
 */
package org.sshstack.transport;
