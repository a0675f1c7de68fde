/**
 * Drivers (DESIGN.md §3): move bytes between a socket or a pair of streams and a sans-I/O
 * {@link org.sshstack.transport.ProtocolEngine}. The blocking driver runs one reader thread per connection
 * from a caller-supplied {@link java.util.concurrent.ThreadFactory} (virtual threads on Java 21+ need no
 * other code path) and guards every engine call with one {@link java.util.concurrent.locks.ReentrantLock}.
 */
package org.sshstack.io;
