/**
 * Connections to a local ssh-agent: a Unix-domain socket through the JDK (no native code), non-blocking with a
 * timeout on every wait.
 */
package org.sshstack.io.agent;
