package org.sshstack.sftp.server;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.sshstack.sftp.SftpAttributes;
import org.sshstack.sftp.SftpExtensionRequest;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpHello;
import org.sshstack.sftp.SftpPacketType;
import org.sshstack.sftp.SftpRequest;
import org.sshstack.sftp.SftpResponse;
import org.sshstack.sftp.SftpResponseDecoder;
import org.sshstack.sftp.SftpStatusCode;

/** Test client: runs an {@link SftpServer} session over in-memory pipes and sends it one request at a time. */
final class SftpHarness implements AutoCloseable {

    private static final int PIPE = 1 << 20;

    private final PipedOutputStream toServer = new PipedOutputStream();
    private final DataInputStream fromServer;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final ExecutorService reader = Executors.newSingleThreadExecutor();
    private final Future<?> session;
    private int nextId = 1;
    SftpHello version;

    SftpHarness(SftpServerConfig config, String user) throws Exception {
        this(config, user, root -> { });
    }

    SftpHarness(SftpServerConfig config, String user, java.util.function.Consumer<SftpRoot> hook) throws Exception {
        PipedInputStream serverIn = new PipedInputStream(toServer, PIPE);
        PipedInputStream clientIn = new PipedInputStream(PIPE);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        fromServer = new DataInputStream(clientIn);
        SftpServer server = new SftpServer(config);
        server.onRoot(hook);
        session = thread.submit(() -> {
            try (serverOut) {
                server.serve(user, serverIn, serverOut);
            }
            return null;
        });
        send(SftpHello.init().encode());
        version = SftpHello.decode(readPacket());
    }

    /** @return a fresh request id */
    int id() {
        return nextId++;
    }

    /** Sends raw bytes. */
    void send(byte[] bytes) throws IOException {
        toServer.write(bytes);
        toServer.flush();
    }

    /** Reads one reply packet body, bounded in time. */
    byte[] readPacket() throws Exception {
        Future<byte[]> read = reader.submit(() -> {
            int length = fromServer.readInt();
            byte[] body = new byte[length];
            fromServer.readFully(body);
            return body;
        });
        return read.get(20, TimeUnit.SECONDS);
    }

    /** Sends a request and returns its reply. */
    SftpResponse call(SftpRequest request) throws Exception {
        send(request.encode());
        return SftpResponseDecoder.decode(readPacket());
    }

    /** @return the status code of the reply, OK for non-status replies */
    SftpStatusCode status(SftpRequest request) throws Exception {
        SftpResponse response = call(request);
        return response instanceof SftpResponse.Status s ? s.status() : SftpStatusCode.OK;
    }

    SftpRequest.PathRequest path(int type, String path) {
        return new SftpRequest.PathRequest(id(), type, path);
    }

    SftpRequest.Open open(String path, int flags) {
        return new SftpRequest.Open(id(), path, flags, SftpAttributes.EMPTY);
    }

    SftpRequest extension(SftpExtensionRequest request) {
        return request.toRequest(id());
    }

    /** Opens a file and returns its handle (fails the test on a status). */
    SftpHandle openHandle(String path, int flags) throws Exception {
        return ((SftpResponse.Handle) call(open(path, flags))).handle();
    }

    SftpHandle openDir(String path) throws Exception {
        return ((SftpResponse.Handle) call(this.path(SftpPacketType.OPENDIR, path))).handle();
    }

    List<SftpResponse.NameEntry> names(SftpRequest request) throws Exception {
        return ((SftpResponse.Name) call(request)).entries();
    }

    /** Ends the session from the client side and waits for the server to finish; returns its failure. */
    Throwable finish() throws Exception {
        toServer.close();
        try {
            session.get(20, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } finally {
            thread.shutdown();
            reader.shutdownNow();
        }
    }

    @Override
    public void close() throws Exception {
        if (!thread.isShutdown()) {
            finish();
        }
    }
}
