package org.sshstack.sftp.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sshstack.SshException;
import org.sshstack.sftp.ExtensionPair;
import org.sshstack.sftp.SftpFramer;
import org.sshstack.sftp.SftpHello;
import org.sshstack.sftp.SftpRequest;
import org.sshstack.sftp.SftpRequestDecoder;
import org.sshstack.sftp.SftpResponse;

/**
 * An in-test SFTP responder over piped streams: answers INIT with VERSION and every request through a
 * {@link Handler}. Given a count of READ replies to reverse, it holds that many READ replies and then sends them
 * last-first (once), so a pipelining client sees its replies out of order.
 */
final class FakeSftpServer implements AutoCloseable {

    /** Answers one request. */
    interface Handler {
        SftpResponse handle(SftpRequest request) throws SshException;
    }

    private final PipedInputStream clientIn = new PipedInputStream(1 << 20);
    private final PipedOutputStream clientOut = new PipedOutputStream();
    private final PipedInputStream serverIn = new PipedInputStream(1 << 20);
    private final PipedOutputStream serverOut = new PipedOutputStream();
    private final Handler handler;
    private final int reverseReads;
    private final List<ExtensionPair> extensions;
    private final Thread thread;
    private volatile int reversed;

    FakeSftpServer(Handler handler, int reverseReads, List<ExtensionPair> extensions) throws IOException {
        this.handler = handler;
        this.reverseReads = reverseReads;
        this.extensions = extensions;
        clientOut.connect(serverIn);
        serverOut.connect(clientIn);
        thread = new Thread(this::serve, "fake-sftp-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return the stream the client reads replies from */
    InputStream clientInput() {
        return clientIn;
    }

    /** @return the stream the client writes requests to */
    OutputStream clientOutput() {
        return clientOut;
    }

    /** @return how many READ replies were sent in reverse order */
    int reversed() {
        return reversed;
    }

    private void serve() {
        try {
            byte[] init = readPacket(serverIn);
            SftpHello.decode(init);
            serverOut.write(SftpHello.version(extensions).encode());
            List<byte[]> held = new ArrayList<>();
            for (byte[] body = readPacket(serverIn); body != null; body = readPacket(serverIn)) {
                SftpRequest request = SftpRequestDecoder.decode(body);
                byte[] reply = handler.handle(request).encode();
                if (request instanceof SftpRequest.Read && reversed == 0 && reverseReads > 0) {
                    held.add(reply);
                    if (held.size() == reverseReads) {
                        Collections.reverse(held);
                        send(held);
                        reversed = held.size();
                    }
                } else {
                    send(List.of(reply));
                }
            }
        } catch (IOException e) {
            // the client went away: the test decides what that means
        } finally {
            close();
        }
    }

    private void send(List<byte[]> replies) throws IOException {
        for (byte[] reply : replies) {
            serverOut.write(reply);
        }
        serverOut.flush();
    }

    private static byte[] readPacket(InputStream in) throws IOException {
        byte[] header = in.readNBytes(4);
        if (header.length < 4) {
            return null;
        }
        int length = SftpFramer.checkLength(SftpFramer.readLength(header), SftpFramer.DEFAULT_MAX_PACKET);
        return in.readNBytes(length);
    }

    @Override
    public void close() {
        try {
            serverOut.close();
            serverIn.close();
        } catch (IOException e) {
            // closing
        }
    }
}
