package org.sshstack.interop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.io.BlockingDriver;
import org.sshstack.crypto.signature.JcaSshSigner;
import org.sshstack.io.DriverOptions;
import org.sshstack.keys.PublicKeyCodec;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.transport.AlgorithmPreferences;
import org.sshstack.transport.InsecureAcceptAllHostKeys;
import org.sshstack.transport.NegotiatedAlgorithms;
import org.sshstack.transport.ServiceHandler;
import org.sshstack.transport.TransportConfig;
import org.sshstack.transport.TransportEngine;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;

/**
 * Our client (TransportEngine + BlockingDriver) for the interop tests: key exchange, {@code ssh-userauth}, one
 * hand-built {@code none} USERAUTH_REQUEST (RFC 4252 §5.2), and the server's USERAUTH_FAILURE method list.
 */
final class OurClient implements AutoCloseable {

    /** Bound on one whole handshake. */
    static final Duration HANDSHAKE = Duration.ofSeconds(20);

    private final BlockingDriver<TransportEngine> driver;
    private final NoneAuth auth;

    private OurClient(BlockingDriver<TransportEngine> driver, NoneAuth auth) {
        this.driver = driver;
        this.auth = auth;
    }

    /** What the server answered to the {@code none} request. */
    record Outcome(NegotiatedAlgorithms negotiated, List<String> methods, int keyExchanges) {
    }

    /**
     * Connects and starts the handshake (the service request goes out once the key exchange is done).
     *
     * @param port the server's loopback port
     * @param algorithms what we offer
     * @param setup more client settings
     * @return the connected client
     */
    static OurClient connect(int port, AlgorithmPreferences algorithms,
            java.util.function.Consumer<TransportConfig.Builder> setup) throws IOException {
        return connect(port, algorithms, setup, "sshstack-test", null);
    }

    /**
     * Connects and, once ssh-userauth starts, sends a {@code none} request, or with a key a signed
     * {@code publickey} request (RFC 4252 §7).
     *
     * @param port the server's loopback port
     * @param algorithms what we offer
     * @param setup more client settings
     * @param user the user name
     * @param key the user's key, or null for {@code none}
     * @return the connected client
     */
    static OurClient connect(int port, AlgorithmPreferences algorithms,
            java.util.function.Consumer<TransportConfig.Builder> setup, String user, SshKeyPair key)
            throws IOException {
        TransportConfig.Builder config = TransportConfig.client(Loopback.HOST, port).algorithms(algorithms)
                .hostKeyVerifier(InsecureAcceptAllHostKeys.INSTANCE).random(new java.security.SecureRandom());
        setup.accept(config);
        TransportEngine engine = new TransportEngine(config.build());
        NoneAuth auth = new NoneAuth(engine, user, key);
        engine.setServiceHandler(auth);
        engine.requestService("ssh-userauth");
        DriverOptions options = DriverOptions.defaults().withThreadFactory(Executors.defaultThreadFactory())
                .withConnectTimeout(Duration.ofSeconds(10)).withCloseTimeout(Duration.ofSeconds(5));
        BlockingDriver<TransportEngine> driver = BlockingDriver.connect(engine,
                new InetSocketAddress(Loopback.HOST, port), options);
        return new OurClient(driver, auth);
    }

    /** Connects with default settings but the given algorithms. */
    static OurClient connect(int port, AlgorithmPreferences algorithms) throws IOException {
        return connect(port, algorithms, c -> { });
    }

    /** @return the driver (for engine calls under its lock) */
    BlockingDriver<TransportEngine> driver() {
        return driver;
    }

    /**
     * Waits for USERAUTH_FAILURE to our {@code none} request.
     *
     * @return the negotiated algorithms and the server's method list
     * @throws SshException if the connection failed first (with the engine's reason)
     */
    Outcome awaitNoneFailure() throws SshException, InterruptedException {
        try {
            driver.await(e -> auth.methods != null, HANDSHAKE, "USERAUTH_FAILURE to the none request");
        } catch (SshException e) {
            Optional<SshException> why = driver.withEngine(TransportEngine::closeException);
            throw why.isPresent() ? new SshException(why.get().reason(), why.get().getMessage(), e) : e;
        }
        return driver.withEngine(e -> new Outcome(e.negotiatedAlgorithms().orElseThrow(), auth.methods,
                e.keyExchangeCount()));
    }

    /**
     * Waits for USERAUTH_SUCCESS to our publickey request; the transport is then told it is authenticated.
     *
     * @throws SshException if the connection failed or the server refused
     */
    void awaitSuccess() throws SshException, InterruptedException {
        driver.await(e -> auth.succeeded || auth.methods != null, HANDSHAKE, "USERAUTH_SUCCESS");
        if (!auth.succeeded) {
            throw new SshException(DisconnectReason.NO_MORE_AUTH_METHODS_AVAILABLE,
                    "publickey refused; server allows " + auth.methods);
        }
    }

    /** Sends DISCONNECT (by application) and closes. */
    @Override
    public void close() {
        driver.run(e -> e.disconnect(DisconnectReason.BY_APPLICATION, "test done"));
        driver.close();
    }

    /** Sends one {@code none} request when ssh-userauth starts and records the FAILURE's method list. */
    static final class NoneAuth implements ServiceHandler {
        private final TransportEngine engine;
        private final String user;
        private final SshKeyPair key;
        volatile List<String> methods;
        volatile boolean succeeded;

        NoneAuth(TransportEngine engine, String user, SshKeyPair key) {
            this.engine = engine;
            this.user = user;
            this.key = key;
        }

        @Override
        public void serviceStarted(String serviceName) throws SshException {
            // RFC 4252 §5, §5.2: byte 50, string user, string service, string "none"
            byte[] request = key == null ? new SshWriter().writeByte(MessageNumbers.USERAUTH_REQUEST)
                    .writeString(user).writeString("ssh-connection").writeString("none").toByteArray()
                    : publicKeyRequest();
            if (!engine.sendPayload(request)) {
                throw new SshException(DisconnectReason.BY_APPLICATION, "engine refused the none request");
            }
        }

        /** RFC 4252 §7: the signed request, signature over session id || the request without the signature. */
        private byte[] publicKeyRequest() throws SshException {
            String algorithm = key.publicKey().typeName().equals("ssh-rsa") ? "rsa-sha2-256"
                    : key.publicKey().typeName();
            byte[] blob = PublicKeyCodec.encode(key.publicKey());
            SshWriter body = new SshWriter().writeByte(MessageNumbers.USERAUTH_REQUEST).writeString(user)
                    .writeString("ssh-connection").writeString("publickey").writeBoolean(true)
                    .writeString(algorithm).writeString(blob);
            byte[] unsigned = body.toByteArray();
            byte[] signed = new SshWriter().writeString(engine.sessionId().orElseThrow()).writeBytes(unsigned)
                    .toByteArray();
            byte[] signature = JcaSshSigner.of(key.privateKey(), new java.security.SecureRandom())
                    .sign(algorithm, signed);
            return body.writeString(signature).toByteArray();
        }

        @Override
        public void onPayload(byte[] payload) throws SshException {
            if ((payload[0] & 0xff) == MessageNumbers.USERAUTH_SUCCESS) {
                engine.authenticated(); // RFC 4252 §5.1
                succeeded = true;
            } else if ((payload[0] & 0xff) == MessageNumbers.USERAUTH_FAILURE) {
                SshReader reader = new SshReader(payload);
                reader.readByte();
                methods = reader.readNameList(); // RFC 4252 §5.1
            }
        }
    }
}
