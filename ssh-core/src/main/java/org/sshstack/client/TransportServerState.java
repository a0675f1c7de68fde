package org.sshstack.client;

import java.io.InterruptedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.sshstack.SshException;
import org.sshstack.crypto.signature.JcaSshSigner;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.transport.NegotiatedAlgorithms;
import org.sshstack.transport.kex.Moduli;
import org.sshstack.transport.kex.ServerHostKey;

/** The server-mode state of a {@link Transport}: host keys, group-exchange moduli, subsystems, the accept queue. */
final class TransportServerState {

    private final List<SshKeyPair> keys = new CopyOnWriteArrayList<>();
    private final Map<String, Supplier<? extends SubsystemHandler>> subsystems = new ConcurrentHashMap<>();
    private final ArrayBlockingQueue<Channel> accepted = new ArrayBlockingQueue<>(Transport.ACCEPT_BACKLOG);
    private volatile Moduli moduli;

    /** Keeps one key per type, the newest. */
    void addKey(SshKeyPair key) {
        keys.removeIf(k -> k.publicKey().keyType() == key.publicKey().keyType());
        keys.add(key);
    }

    boolean hasKeys() {
        return !keys.isEmpty();
    }

    List<ServerHostKey> hostKeys(SecureRandom random) throws SshException {
        List<ServerHostKey> out = new ArrayList<>();
        for (SshKeyPair pair : keys) {
            out.add(new ServerHostKey(pair.publicKey(), JcaSshSigner.of(pair.privateKey(), random)));
        }
        return out;
    }

    /** @return the key of the negotiated host key algorithm (RSA serves every rsa-sha2 name), or the only key */
    SshKeyPair keyFor(NegotiatedAlgorithms algorithms) {
        String alg = algorithms.hostKey();
        for (SshKeyPair pair : keys) {
            String type = pair.publicKey().keyType().wireName();
            if (alg.equals(type) || alg.startsWith(type + "-cert") || type.equals("ssh-rsa") && alg.startsWith("rsa-")) {
                return pair;
            }
        }
        return keys.size() == 1 ? keys.get(0) : null;
    }

    void setModuli(Moduli value) {
        moduli = value == null || value.entries().isEmpty() ? null : value;
    }

    Moduli moduli() {
        return moduli;
    }

    void putSubsystem(String name, Supplier<? extends SubsystemHandler> factory) {
        subsystems.put(name, factory);
    }

    Supplier<? extends SubsystemHandler> subsystem(String name) {
        return subsystems.get(name);
    }

    boolean offer(Channel channel) {
        return accepted.offer(channel);
    }

    Channel accept(Duration bound) throws InterruptedIOException {
        try {
            return bound == null ? accepted.take() : accepted.poll(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted in accept");
        }
    }
}
