package org.sshstack.server;

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
import org.sshstack.io.ChannelOutputStream;
import org.sshstack.session.ServerEngine;

/**
 * One exec, shell or subsystem run on the server's executor: gives the handler the channel's blocking streams, then
 * sends exit-status, EOF and CLOSE (RFC 4254 §6.10, §5.3).
 */
final class CommandTask implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandTask.class);

    /** What was requested. */
    record Request(String user, String command, Map<String, String> env,
            Optional<SessionRequest.PtyRequest> pty) {
    }

    private final CompletableFuture<BlockingDriver<ServerEngine>> driver;
    private final ConnectionChannel channel;
    private final Request request;
    private final CommandHandler handler;

    CommandTask(CompletableFuture<BlockingDriver<ServerEngine>> driver, ConnectionChannel channel, Request request,
            CommandHandler handler) {
        this.driver = driver;
        this.channel = channel;
        this.request = request;
        this.handler = handler;
    }

    @Override
    public void run() {
        ChannelIo io;
        try {
            io = new ChannelIo(driver.get(), channel);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            return; // the connection never started
        }
        int status;
        try {
            status = handler.run(new ServerCommand(request.user(), request.command(), request.env(),
                    request.pty(), new ChannelInputStream(io, false), new ChannelOutputStream(io, false),
                    new ChannelOutputStream(io, true)));
        } catch (Exception e) {
            LOG.debug("command handler failed", e);
            status = 255;
        }
        finish(io, status);
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
        } catch (SshException | java.io.InterruptedIOException e) {
            LOG.debug("could not report the exit status", e);
        }
    }
}
