package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.interop.AsyncSshServer;
import org.sshstack.interop.DropbearServer;
import org.sshstack.interop.OpenSshServer;
import org.sshstack.interop.ParamikoServer;
import org.sshstack.interop.ServerFixture;

/**
 * The client engine against a live OpenSSH sshd on loopback (skipped without sshd, failing on CI): handshake with
 * strict kex and ext-info, ssh-userauth accepted, then a client-initiated rekey. A minimal blocking loop stands in
 * for the driver.
 */
class EngineOpenSshInteropTest {

    private static void run(Socket socket, TransportEngine engine, BooleanSupplier done) throws Exception {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        byte[] buf = new byte[32768];
        for (int i = 0; i < 10_000 && !done.getAsBoolean(); i++) {
            while (engine.pendingOutbound() > 0) {
                int n = engine.drainOutbound(buf, 0, buf.length);
                out.write(buf, 0, n);
            }
            out.flush();
            if (done.getAsBoolean() || engine.isClosed()) {
                break;
            }
            int n = in.read(buf);
            if (n < 0) {
                engine.receiveEnd();
                break;
            }
            engine.receive(buf, 0, n);
        }
    }

    @Test
    void handshakeServiceAndRekeyAgainstOpenSsh(@TempDir Path dir) throws Exception {
        try (OpenSshServer server = OpenSshServer.start(dir, OpenSshServer.options());
                Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
            socket.setSoTimeout(20_000);
            TransportEngine engine = new TransportEngine(TransportConfig.client("127.0.0.1", server.port())
                    .random(EngineKeys.seeded(11)).hostKeyVerifier(InsecureAcceptAllHostKeys.INSTANCE).build());
            engine.requestService("ssh-userauth");
            run(socket, engine, () -> engine.service().isPresent());
            assertThat(engine.closeException()).isEmpty();
            assertThat(engine.service()).contains("ssh-userauth");
            assertThat(engine.isStrictKex()).isTrue();
            assertThat(engine.peerIdentification().orElseThrow().softwareVersion()).startsWith("OpenSSH");
            assertThat(engine.serverSignatureAlgorithms()).contains("ssh-ed25519");

            // OpenSSH does not rekey before authentication: it answers our KEXINIT with UNIMPLEMENTED, which must
            // end the connection with a clear reason instead of waiting forever
            assertThat(engine.renegotiateKeys()).isTrue();
            try {
                run(socket, engine, engine::isClosed);
            } catch (org.sshstack.SshException expected) {
                assertThat(expected.reason()).isEqualTo(org.sshstack.DisconnectReason.KEY_EXCHANGE_FAILED);
            }
            assertThat(engine.isClosed()).isTrue();
            assertThat(engine.closeException().orElseThrow().getMessage()).contains("UNIMPLEMENTED");
        }
    }

    private static TransportEngine handshake(Socket socket, int port) throws Exception {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(20_000);
        TransportEngine engine = new TransportEngine(TransportConfig.client("127.0.0.1", port)
                .random(EngineKeys.seeded(12)).hostKeyVerifier(InsecureAcceptAllHostKeys.INSTANCE).build());
        engine.requestService("ssh-userauth");
        run(socket, engine, () -> engine.service().isPresent());
        assertThat(engine.closeException()).isEmpty();
        assertThat(engine.service()).contains("ssh-userauth");
        return engine;
    }

    @Test
    void handshakeAgainstDropbear(@TempDir Path dir) throws Exception {
        try (ServerFixture server = DropbearServer.start(dir, DropbearServer.options()); Socket socket = new Socket()) {
            TransportEngine engine = handshake(socket, server.port());
            assertThat(engine.isStrictKex()).isTrue();
        }
    }

    @Test
    void handshakeAgainstParamiko(@TempDir Path dir) throws Exception {
        try (ServerFixture server = ParamikoServer.start(dir); Socket socket = new Socket()) {
            TransportEngine engine = handshake(socket, server.port());
            assertThat(engine.isStrictKex()).isFalse();
        }
    }

    @Test
    void handshakeAgainstAsyncSsh(@TempDir Path dir) throws Exception {
        try (ServerFixture server = AsyncSshServer.start(dir); Socket socket = new Socket()) {
            TransportEngine engine = handshake(socket, server.port());
            assertThat(engine.isStrictKex()).isTrue();
        }
    }
}
