package org.sshstack.server;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sshstack.SshException;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.connection.SessionRequest;
import org.sshstack.io.BlockingDriver;
import org.sshstack.io.ChannelInputStream;
import org.sshstack.io.ChannelIo;
import org.sshstack.io.ChannelTimeoutException;
import org.sshstack.session.ServerEngine;
import org.sshstack.transport.Identification;

/**
 * One exec, shell or subsystem run on the server's executor: gives the handler the channel's blocking streams (reads
 * without a bound, writes bounded by the server's write timeout), then sends exit-status, EOF and CLOSE (RFC 4254
 * §6.10, §5.3) once the output has left, or closes the channel at once if the client read nothing for that long.
 */
final class CommandTask implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandTask.class);

    /** What was requested. */
    record Request(String user, String command, Map<String, String> env,
            Optional<SessionRequest.PtyRequest> pty, SessionControl control) {
    }

    private final CompletableFuture<BlockingDriver<ServerEngine>> driver;
    private final ConnectionChannel channel;
    private final Request request;
    private final CommandHandler handler;
    private final Duration writeTimeout;

    CommandTask(CompletableFuture<BlockingDriver<ServerEngine>> driver, ConnectionChannel channel, Request request,
            CommandHandler handler, Duration writeTimeout) {
        this.driver = driver;
        this.channel = channel;
        this.request = request;
        this.handler = handler;
        this.writeTimeout = writeTimeout;
    }

    @Override
    public void run() {
        ChannelIo in;
        ChannelIo out;
        try {
            in = new ChannelIo(driver.get(), channel);
            out = new ChannelIo(driver.get(), channel);
            out.setTimeout(writeTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            return; // the connection never started
        }
        int status;
        try {
            status = handler.run(new ServerCommand(request.user(), request.command(), request.env(),
                    request.pty(), new ChannelInputStream(in, false), new HandlerOutput(out, false),
                    new HandlerOutput(out, true), request.control(), clientVersion(in)));
        } catch (Exception e) {
            LOG.debug("command handler failed", e);
            status = 255;
        }
        finish(out, status);
    }

    /** @return the client's identification string (RFC 4253 §4.2), received before any channel existed */
    private static String clientVersion(ChannelIo io) {
        return io.driver().withEngine(e -> e.transport().peerIdentification().map(Identification::line).orElse(""));
    }

    private void finish(ChannelIo io, int status) {
        try {
            // the status goes out after the data the handler wrote (sendRequest does not wait for it)
            io.attempt(e -> channel.outboundPending() == 0 || channel.state() != ConnectionChannel.State.OPEN,
                    "the output to drain");
            io.driver().call(e -> {
                channel.sendRequest(new SessionRequest.ExitStatus(status & 0xffffffffL), false);
                channel.sendEof();
                channel.close();
                return null;
            });
        } catch (ChannelTimeoutException e) {
            LOG.debug("the client read nothing for {}: closing the channel", writeTimeout);
            io.abort();
        } catch (SshException | InterruptedIOException e) {
            LOG.debug("could not report the exit status", e);
        }
    }
}
