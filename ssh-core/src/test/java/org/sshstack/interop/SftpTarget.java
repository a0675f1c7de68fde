package org.sshstack.interop;

import java.nio.file.Path;
import java.util.List;

/**
 * An SFTP server under test as the peer clients see it: where to connect, whom to log in as with which key, and the
 * local directory behind the remote root, so a test checks every transferred file on disk by its SHA-256. One
 * implementation runs OpenSSH's sshd (the reference), another ours; the peer tests run unchanged against both.
 */
public interface SftpTarget extends AutoCloseable {

    /** @return a short name for the interop matrix, e.g. "sshd sftp-server" */
    String name();

    /** @return the loopback port the server listens on */
    int port();

    /** @return the address to connect to */
    default String host() {
        return Loopback.HOST;
    }

    /** @return the login name */
    String user();

    /** @return an unencrypted OpenSSH private key file the server accepts for {@link #user()} */
    Path clientKey();

    /** @return the server's host public key files (OpenSSH one-line format), for clients that pin them */
    List<Path> hostPublicKeys();

    /** @return the local directory whose contents the client sees under {@link #remotePath(String) remotePath("")} */
    Path root();

    /**
     * @param relative a path below the root with '/' separators, or "" for the root itself
     * @return the name a client uses for it on the server
     */
    String remotePath(String relative);

    /** @return the server's log so far, for failure messages */
    String log();

    /** Stops the server. */
    @Override
    void close();
}
