/**
 * The SFTP version 3 codec (draft-ietf-secsh-filexfer-02) with the OpenSSH extensions (PROTOCOL §4): packet
 * types, requests ({@link org.sshstack.sftp.SftpRequest}), replies ({@link org.sshstack.sftp.SftpResponse}),
 * attributes, extension data, a bounded stream framer ({@link org.sshstack.sftp.SftpFramer}) and typed status
 * exceptions ({@link org.sshstack.sftp.SftpException}).
 *
 * <p>Sans-I/O: no sockets, streams or threads; every decoder checks lengths against what remains before allocating
 * and fails with {@link org.sshstack.SshProtocolException}. The client and server live in the sub-packages
 * {@code sftp.client} and {@code sftp.server}.
 */
package org.sshstack.sftp;
