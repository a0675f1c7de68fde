package org.sshstack.sftp.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.event.SftpOperationCompleted;
import org.sshstack.io.ChannelTimeoutException;
import org.sshstack.sftp.SftpException;
import org.sshstack.sftp.SftpStatusCode;

/** Times client operations and reports each as an {@link SftpOperationCompleted} event. */
final class OperationEvents {

    /** An operation body. */
    interface Body<T> {
        /** @return the result */
        T run() throws SshException, InterruptedIOException;
    }

    private final SftpClientOptions options;

    OperationEvents(SftpClientOptions options) {
        this.options = options;
    }

    /** Runs an operation that moves no file bytes and reports it. */
    <T> T timed(String operation, Body<T> body) throws SshException, InterruptedIOException {
        long start = options.nanoTime().getAsLong();
        try {
            T result = body.run();
            emit(operation, "OK", start, 0);
            return result;
        } catch (SshException | InterruptedIOException | RuntimeException e) {
            emit(operation, statusOf(e), start, 0);
            throw e;
        }
    }

    /** @return the clock's current reading, the start of an operation reported later with {@link #emit} */
    long start() {
        return options.nanoTime().getAsLong();
    }

    /** Reports an operation that began at {@code startNanos}. */
    void emit(String operation, String status, long startNanos, long bytes) {
        Duration took = Duration.ofNanos(Math.max(0, options.nanoTime().getAsLong() - startNanos));
        options.listener().sftpOperationCompleted(new SftpOperationCompleted(operation, true, status, took, bytes));
    }

    /** @return the status name an event carries for a failure */
    static String statusOf(Exception e) {
        if (e instanceof SftpException s) {
            return s.status() == SftpStatusCode.OTHER ? "STATUS_" + s.statusCode() : s.status().name();
        }
        if (e instanceof ChannelTimeoutException) {
            return "TIMEOUT";
        }
        if (e instanceof SshProtocolException) {
            return SftpStatusCode.BAD_MESSAGE.name();
        }
        return e instanceof IOException ? SftpStatusCode.CONNECTION_LOST.name() : SftpStatusCode.FAILURE.name();
    }
}
