/**
 * The SFTP server (DESIGN.md §4): {@link org.sshstack.sftp.server.SftpServer} serves SFTP version 3 with the
 * OpenSSH extensions over a pair of streams, on {@code java.nio.file}, each user jailed in a root directory
 * (SECURITY.md D1) with bounded handles (B7). Built on the codec of {@code org.sshstack.sftp}; never imports the
 * {@code client} or {@code server} facades ({@code SshServerBuilder.sftp} wires it in).
 */
package org.sshstack.sftp.server;
