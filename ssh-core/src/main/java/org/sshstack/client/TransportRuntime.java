package org.sshstack.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.auth.PublicKeyIdentity;
import org.sshstack.crypto.signature.JcaSshSigner;
import org.sshstack.event.TrafficSnapshot;
import org.sshstack.io.BlockingDriver;
import org.sshstack.keys.Fingerprints;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.session.ClientEngine;
import org.sshstack.session.ServerEngine;
import org.sshstack.session.SessionEngine;
import org.sshstack.transport.HostKeyRejectedException;
import org.sshstack.transport.HostKeyVerifier;
import org.sshstack.transport.NegotiatedAlgorithms;
import org.sshstack.transport.Role;

/**
 * The running state behind a {@link Transport}: its role, its driver once started, and what the key exchange and
 * authentication learnt (host key, user name, banner, start failure). Thread-safe (volatile fields, atomic role).
 */
final class TransportRuntime {

    private final TransportLink link;
    private final Transport transport;
    private final TransportEvents events = new TransportEvents();
    private final AtomicReference<Role> role = new AtomicReference<>();
    private final SecureRandom random = new SecureRandom();
    private volatile BlockingDriver<? extends SessionEngine> driver;
    private volatile BlockingDriver<ClientEngine> clientDriver;
    private volatile SshPublicKey remoteKey;
    private volatile String username;
    private volatile String banner;
    private volatile SshException startFailure;

    TransportRuntime(TransportLink link, Transport transport) {
        this.link = link;
        this.transport = transport;
    }

    // ---------------------------------------------------------------- start

    void startClient(Duration bound) throws IOException {
        claim(Role.CLIENT);
        ClientEngine engine = TransportStart.client(link, transport.options, this::verifyHostKey, random, events,
                text -> banner = text);
        BlockingDriver<ClientEngine> d = started(engine);
        clientDriver = d;
        awaitStarted(d, bound);
    }

    void startServer(ServerInterface server, Duration bound) throws IOException {
        TransportServerState serverState = transport.serverState;
        if (!serverState.hasKeys()) {
            throw new IllegalStateException("add a server key (addServerKey) before startServer");
        }
        claim(Role.SERVER);
        ServerInterfaceAdapter adapter = new ServerInterfaceAdapter(server, transport, serverState);
        events.onClosed(adapter::forget);
        ServerEngine engine = TransportStart.server(link, transport.options, serverState, adapter,
                server.getBanner(), events, random);
        awaitStarted(started(engine), bound);
    }

    /** paramiko's {@code connect} check: closes the transport and throws unless the server showed {@code hostKey}. */
    void requireHostKey(SshPublicKey hostKey) throws SshException {
        SshPublicKey got = remoteKey;
        if (hostKey != null && (got == null || !Fingerprints.sha256(hostKey).equals(Fingerprints.sha256(got)))) {
            transport.close();
            throw new SshException(DisconnectReason.HOST_KEY_NOT_VERIFIABLE, "host key mismatch: expected "
                    + Fingerprints.sha256(hostKey) + ", got " + (got == null ? "none" : Fingerprints.sha256(got)));
        }
    }

    private void claim(Role wanted) {
        if (!role.compareAndSet(null, wanted)) {
            throw new IllegalStateException("this transport was already started as " + role.get());
        }
    }

    private <E extends SessionEngine> BlockingDriver<E> started(E engine) throws IOException {
        engine.transport().setPacketListener(transport.packetTrace()); // before the driver starts: from packet one
        BlockingDriver<E> d = link.start(engine, transport.threads);
        driver = d;
        transport.goLive(d, role.get());
        transport.log().debug("transport started as {} with {}", role.get(), peerAddress());
        return d;
    }

    private void verifyHostKey(String host, int port, SshPublicKey key) throws HostKeyRejectedException {
        remoteKey = key;
        HostKeyVerifier verifier = transport.hostKeyVerifier();
        if (verifier != null) {
            verifier.verify(host, port, key);
        }
    }

    private void awaitStarted(BlockingDriver<? extends SessionEngine> d, Duration bound)
            throws SshException, InterruptedIOException {
        try {
            TransportStart.awaitKex(d, bound);
        } catch (SshException e) {
            startFailure = e;
            transport.close();
            throw e;
        } catch (InterruptedIOException e) {
            transport.close();
            throw e;
        }
    }

    // ---------------------------------------------------------------- authentication and requests

    TransportAuth auth(Duration timeout) {
        BlockingDriver<ClientEngine> d = clientDriver;
        if (d == null || role.get() != Role.CLIENT) {
            throw new IllegalStateException("authentication needs a started client transport");
        }
        return new TransportAuth(d, timeout, user -> username = user);
    }

    PublicKeyIdentity identity(SshKeyPair key) throws SshException {
        return new PublicKeyIdentity(key.publicKey(), JcaSshSigner.of(key.privateKey(), random));
    }

    TransportRequests requests(Duration timeout) {
        BlockingDriver<? extends SessionEngine> d = driver;
        if (d == null) {
            throw new IllegalStateException("the transport is not started");
        }
        return new TransportRequests(d, events, timeout);
    }

    /** @return paramiko's default IGNORE length: 10..41 */
    int ignoreLength() {
        return 10 + random.nextInt(32);
    }

    // ---------------------------------------------------------------- state

    Role role() {
        return role.get();
    }

    boolean isActive() {
        BlockingDriver<? extends SessionEngine> d = driver;
        return d != null && !d.isClosed() && !d.withEngine(SessionEngine::isClosed);
    }

    boolean isAuthenticated() {
        BlockingDriver<? extends SessionEngine> d = driver;
        return isActive() && d.withEngine(SessionEngine::isAuthenticated);
    }

    String username() {
        BlockingDriver<? extends SessionEngine> d = driver;
        if (d != null && d.engine() instanceof ServerEngine) {
            return d.withEngine(e -> ((ServerEngine) e).authResult().map(r -> r.username()).orElse(null));
        }
        return username;
    }

    String banner() {
        return banner;
    }

    SshException exception() {
        SshException failed = startFailure;
        if (failed != null) {
            return failed;
        }
        BlockingDriver<? extends SessionEngine> d = driver;
        return d == null ? null : d.withEngine(e -> e.closeException().orElse(null));
    }

    InetSocketAddress peerAddress() {
        return link.peer() != null ? link.peer() : InetSocketAddress.createUnresolved("unknown", 0);
    }

    SshPublicKey remoteServerKey() throws SshException {
        SshPublicKey key = remoteKey;
        if (key == null || !isActive()) {
            throw new SshException(DisconnectReason.BY_APPLICATION, "no session is active");
        }
        return key;
    }

    NegotiatedAlgorithms negotiatedAlgorithms() {
        BlockingDriver<? extends SessionEngine> d = driver;
        return d == null ? null : d.withEngine(e -> e.transport().negotiatedAlgorithms().orElse(null));
    }

    TrafficSnapshot traffic() {
        BlockingDriver<? extends SessionEngine> d = driver;
        return d == null ? null : d.withEngine(e -> e.transport().traffic());
    }

    BlockingDriver<? extends SessionEngine> driverOrNull() {
        return driver;
    }

    TransportEvents events() {
        return events;
    }

    /** Sends DISCONNECT (BY_APPLICATION) and closes the driver, or closes the unstarted link. */
    void close() {
        BlockingDriver<? extends SessionEngine> d = driver;
        if (d == null) {
            link.closeUnstarted();
            return;
        }
        d.run(e -> e.disconnect(DisconnectReason.BY_APPLICATION, "closed by the application"));
        d.close();
    }
}
