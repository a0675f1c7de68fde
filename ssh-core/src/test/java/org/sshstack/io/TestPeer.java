package org.sshstack.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The other end of a driver's loopback connection, driven by the test thread (blocking reads, 10 s bound). */
final class TestPeer implements AutoCloseable {

    private final ServerSocket listener;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    TestPeer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    }

    /** Accepts the driver's connection. */
    TestPeer accept() throws IOException {
        listener.setSoTimeout(10_000);
        socket = listener.accept();
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
        return this;
    }

    /** @return the connected socket (accept() first) */
    Socket socket() {
        return socket;
    }

    /** Connects to a listener as a client would. */
    static Socket connectTo(ServerSocket server) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 10_000);
        return s;
    }

    String readLine() throws IOException {
        return in.readLine();
    }

    void send(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        listener.close();
    }
}
