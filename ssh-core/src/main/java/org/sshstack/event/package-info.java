/**
 * Events an SSH connection reports to an {@link org.sshstack.event.SshEventListener}: connection start and end,
 * the peer's version, key exchanges (trigger, algorithms, duration), DEBUG messages, traffic counters,
 * authentication attempts, sessions (authenticated connections), global requests, channels and exit statuses.
 *
 * <p>The records are small, immutable and carry no secrets; they use strings and enums only, so this package
 * depends on nothing but the root package {@code org.sshstack}. It is the seam that metrics (Micrometer) and
 * logging adapters build on.
 */
package org.sshstack.event;
