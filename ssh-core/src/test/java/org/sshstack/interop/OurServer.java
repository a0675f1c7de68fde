package org.sshstack.interop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.sshstack.SshException;
import org.sshstack.crypto.signature.JcaSshSigner;
import org.sshstack.io.BlockingDriver;
import org.sshstack.io.DriverOptions;
import org.sshstack.keys.KeyFiles;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.testing.PeerTools;
import org.sshstack.transport.AlgorithmPreferences;
import org.sshstack.transport.ServiceHandler;
import org.sshstack.transport.TransportConfig;
import org.sshstack.transport.TransportEngine;
import org.sshstack.transport.kex.ServerHostKey;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.SshWriter;

/**
 * Our server for the interop tests: a loopback listener whose every connection is a server-role TransportEngine on a
 * BlockingDriver, with host keys of every type, accepting {@code ssh-userauth} and answering every
 * USERAUTH_REQUEST with USERAUTH_FAILURE "publickey,password" (RFC 4252 §5.1), so clients reach the
 * authentication stage and give up.
 */
final class OurServer implements AutoCloseable {

    /** The methods every USERAUTH_FAILURE lists. */
    static final List<String> METHODS = List.of("publickey", "password");

    private final ServerSocket listener;
    private volatile AlgorithmPreferences algorithms;
    private final List<ServerHostKey> hostKeys;
    private final Map<String, Path> publicKeyFiles;
    private final List<BlockingDriver<TransportEngine>> drivers = new CopyOnWriteArrayList<>();
    private final AtomicInteger authRequests = new AtomicInteger();
    private final Thread acceptor;

    private OurServer(AlgorithmPreferences algorithms, List<ServerHostKey> hostKeys, Map<String, Path> publicKeyFiles)
            throws IOException {
        this.algorithms = algorithms;
        this.hostKeys = hostKeys;
        this.publicKeyFiles = publicKeyFiles;
        this.listener = new ServerSocket(0, 50, InetAddress.getByName(Loopback.HOST));
        this.acceptor = Executors.defaultThreadFactory().newThread(this::acceptLoop);
        acceptor.start();
    }

    /**
     * Generates Ed25519, ECDSA P-256/384/521 and RSA 3072 host keys and starts listening.
     *
     * @param dir a temporary directory
     * @param algorithms what the server offers (it keeps the host key algorithms it holds keys for)
     * @return the running server
     */
    static OurServer start(Path dir, AlgorithmPreferences algorithms) throws Exception {
        return start(dir, algorithms, null);
    }

    /**
     * Like {@link #start(Path, AlgorithmPreferences)}; with a CA, every host key is also held as a host certificate
     * signed by it (offered only when {@code algorithms} names the certificate algorithms).
     *
     * @param dir a temporary directory
     * @param algorithms what the server offers
     * @param ca signs the host keys, or null for plain keys only
     * @return the running server
     */
    static OurServer start(Path dir, AlgorithmPreferences algorithms, HostCertificates ca) throws Exception {
        Map<String, Path> pubs = new LinkedHashMap<>();
        List<ServerHostKey> keys = new ArrayList<>();
        for (String[] spec : new String[][] {{"ed25519", "256"}, {"ecdsa", "256"}, {"ecdsa", "384"},
                {"ecdsa", "521"}, {"rsa", "3072"}}) {
            Path file = dir.resolve("host_" + spec[0] + "_" + spec[1]);
            PeerTools.run("ssh-keygen", "-q", "-t", spec[0], "-b", spec[1], "-N", "", "-C", "", "-f",
                    file.toString()).assertSuccess();
            SshKeyPair pair = KeyFiles.readPrivateKey(file, null);
            keys.add(new ServerHostKey(pair.publicKey(), JcaSshSigner.of(pair.privateKey(), new SecureRandom())));
            if (ca != null) {
                keys.add(new ServerHostKey(HostCertificates.read(ca.sign(Path.of(file + ".pub"))),
                        JcaSshSigner.of(pair.privateKey(), new SecureRandom())));
            }
            pubs.put(spec[0] + spec[1], Path.of(file + ".pub"));
        }
        return new OurServer(algorithms, keys, pubs);
    }

    /** @return the port */
    int port() {
        return listener.getLocalPort();
    }

    /** @return the public key files by "ed25519256", "ecdsa256", "ecdsa384", "ecdsa521", "rsa3072" */
    Map<String, Path> publicKeyFiles() {
        return publicKeyFiles;
    }

    /** @param next what the server offers on connections accepted from now on */
    void offer(AlgorithmPreferences next) {
        algorithms = next;
    }

    /** @return how many USERAUTH_REQUESTs were answered */
    int authRequests() {
        return authRequests.get();
    }

    /** @return the connections so far */
    List<BlockingDriver<TransportEngine>> connections() {
        return drivers;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                TransportConfig config = TransportConfig.server(hostKeys).algorithms(algorithms)
                        .random(new SecureRandom()).build();
                TransportEngine engine = new TransportEngine(config);
                engine.setServiceHandler(new RefuseAll(engine));
                drivers.add(BlockingDriver.start(engine, socket, DriverOptions.defaults()
                        .withCloseTimeout(Duration.ofSeconds(2))));
            } catch (IOException e) {
                return; // listener closed
            }
        }
    }

    @Override
    public void close() throws Exception {
        listener.close();
        acceptor.join(5_000);
        for (BlockingDriver<TransportEngine> driver : drivers) {
            driver.close();
        }
    }

    /** Answers every USERAUTH_REQUEST with USERAUTH_FAILURE "publickey,password", partial success false. */
    private final class RefuseAll implements ServiceHandler {
        private final TransportEngine engine;

        RefuseAll(TransportEngine engine) {
            this.engine = engine;
        }

        @Override
        public void onPayload(byte[] payload) throws SshException {
            if ((payload[0] & 0xff) == MessageNumbers.USERAUTH_REQUEST) {
                authRequests.incrementAndGet();
                engine.sendPayload(new SshWriter().writeByte(MessageNumbers.USERAUTH_FAILURE).writeNameList(METHODS)
                        .writeBoolean(false).toByteArray()); // RFC 4252 §5.1
            }
        }
    }
}
