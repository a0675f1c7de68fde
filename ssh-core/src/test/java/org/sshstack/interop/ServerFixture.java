package org.sshstack.interop;

/** A running SSH server peer on 127.0.0.1; closing it ends the process and its children. */
public interface ServerFixture extends AutoCloseable {

    /** @return the loopback port it listens on */
    int port();

    /** @return its log so far (stdout and stderr) */
    String log();

    /** @return the address to connect to */
    default String host() {
        return Loopback.HOST;
    }

    /** Ends the server and waits for it. */
    @Override
    void close();
}
