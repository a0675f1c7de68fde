package org.sshstack.transport;

import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.sshstack.event.SshEventListener;
import org.sshstack.transport.kex.DhGroupSource;
import org.sshstack.transport.kex.GexPreferences;
import org.sshstack.transport.kex.Moduli;
import org.sshstack.transport.kex.ServerHostKey;

/**
 * Everything a {@link TransportEngine} is configured with. Build one with {@link #client(String, int)} or
 * {@link #server(List)}; the builder starts from safe defaults.
 *
 * @param role our side
 * @param algorithms the algorithms we offer (a server offers only the host key algorithms it holds keys for)
 * @param hostKeys the server's host keys with their signers (empty on a client)
 * @param hostKeyVerifier the client's host key check (unused on a server)
 * @param host the host the client connects to, for the verifier ("" on a server)
 * @param port the port the client connects to, for the verifier
 * @param random the source of every random byte (cookies, padding, ephemeral keys, IGNORE data)
 * @param nanoClock a {@code System.nanoTime()}-style clock for kex durations and deadlines
 * @param identification our identification string
 * @param listener the event listener
 * @param services the services a server accepts (RFC 4253 §10), e.g. {@code ssh-userauth}
 * @param rekeyBytes rekey after this many wire bytes in one direction with the same keys (RFC 4253 §9: 1 GiB)
 * @param rekeyPackets rekey after this many packets in one direction with the same keys (OpenSSH: 2^31)
 * @param rekeyIntervalNanos rekey after this long with the same keys (RFC 4253 §9: one hour); 0 for never
 * @param keepaliveIntervalNanos interval between keepalive@openssh.com requests once authenticated; 0 for none
 * @param keepaliveMaxMissed close with CONNECTION_LOST when this many keepalives are unanswered
 * @param requireStrictKex end the connection when the peer does not offer strict kex (Terrapin)
 * @param maxQueuedBytes the most payload bytes {@link TransportEngine#sendPayload} queues during a key exchange
 * @param preAuthPacketLimit the most packets accepted from the peer before authentication (SECURITY.md B5, B12)
 * @param preAuthKexLimit the most key exchanges (the initial one included) before authentication
 * @param dhGroups where a server takes group-exchange groups from
 * @param gexPreferences the group sizes a client asks for in group exchange
 */
public record TransportConfig(Role role, AlgorithmPreferences algorithms, List<ServerHostKey> hostKeys,
        HostKeyVerifier hostKeyVerifier, String host, int port, SecureRandom random, LongSupplier nanoClock,
        Identification identification, SshEventListener listener, List<String> services, long rekeyBytes,
        long rekeyPackets, long rekeyIntervalNanos, long keepaliveIntervalNanos, int keepaliveMaxMissed,
        boolean requireStrictKex, int maxQueuedBytes, long preAuthPacketLimit, int preAuthKexLimit,
        DhGroupSource dhGroups, GexPreferences gexPreferences) {

    /** 1 GiB per key and direction (RFC 4253 §9). */
    public static final long DEFAULT_REKEY_BYTES = 1L << 30;
    /** 2^31 packets per key and direction, as OpenSSH. */
    public static final long DEFAULT_REKEY_PACKETS = 1L << 31;
    /** One hour (RFC 4253 §9). */
    public static final long DEFAULT_REKEY_INTERVAL_NANOS = 3_600_000_000_000L;
    /** 1 MiB of payloads queued during a key exchange. */
    public static final int DEFAULT_MAX_QUEUED_BYTES = 1 << 20;
    /** Packets from the peer before authentication. */
    public static final long DEFAULT_PRE_AUTH_PACKET_LIMIT = 10_000;

    /** Checks every field. */
    public TransportConfig {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(algorithms, "algorithms");
        hostKeys = List.copyOf(hostKeys);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(nanoClock, "nanoClock");
        Objects.requireNonNull(identification, "identification");
        Objects.requireNonNull(listener, "listener");
        services = List.copyOf(services);
        Objects.requireNonNull(dhGroups, "dhGroups");
        Objects.requireNonNull(gexPreferences, "gexPreferences");
        if (role == Role.SERVER && hostKeys.isEmpty()) {
            throw new IllegalArgumentException("a server needs at least one host key");
        }
        if (role == Role.CLIENT) {
            Objects.requireNonNull(hostKeyVerifier, "a client needs a host key verifier");
        }
        if (rekeyBytes < 1024 || rekeyPackets < 4 || rekeyIntervalNanos < 0 || keepaliveIntervalNanos < 0
                || keepaliveMaxMissed < 1 || maxQueuedBytes < 1 || preAuthPacketLimit < 16 || preAuthKexLimit < 1) {
            throw new IllegalArgumentException("a limit is out of range");
        }
    }

    /**
     * @param host the host the client connects to (for the host key check)
     * @param port the port
     * @return a client builder with the client defaults and the given host key verifier still to set
     */
    public static Builder client(String host, int port) {
        Builder builder = new Builder(Role.CLIENT);
        builder.host = Objects.requireNonNull(host, "host");
        builder.port = port;
        return builder;
    }

    /**
     * @param hostKeys the server's host keys with their signers
     * @return a server builder with the server defaults
     */
    public static Builder server(List<ServerHostKey> hostKeys) {
        Builder builder = new Builder(Role.SERVER);
        builder.hostKeys = List.copyOf(hostKeys);
        return builder;
    }

    /** Builds a {@link TransportConfig}; every setter returns the builder. */
    public static final class Builder {
        private final Role role;
        private AlgorithmPreferences algorithms;
        private List<ServerHostKey> hostKeys = List.of();
        private HostKeyVerifier hostKeyVerifier;
        private String host = "";
        private int port = 22;
        private SecureRandom random;
        private LongSupplier nanoClock = System::nanoTime;
        private Identification identification = Identification.sshstack("0.1");
        private SshEventListener listener = SshEventListener.NONE;
        private List<String> services = List.of("ssh-userauth");
        private long rekeyBytes = DEFAULT_REKEY_BYTES;
        private long rekeyPackets = DEFAULT_REKEY_PACKETS;
        private long rekeyIntervalNanos = DEFAULT_REKEY_INTERVAL_NANOS;
        private long keepaliveIntervalNanos;
        private int keepaliveMaxMissed = 3;
        private boolean requireStrictKex;
        private int maxQueuedBytes = DEFAULT_MAX_QUEUED_BYTES;
        private long preAuthPacketLimit = DEFAULT_PRE_AUTH_PACKET_LIMIT;
        private int preAuthKexLimit = 3;
        private DhGroupSource dhGroups = Moduli.builtIn();
        private GexPreferences gexPreferences = GexPreferences.DEFAULT;

        private Builder(Role role) {
            this.role = role;
            this.algorithms = AlgorithmPreferences.defaults(role);
        }

        /** @param value the algorithms to offer */
        public Builder algorithms(AlgorithmPreferences value) {
            algorithms = value;
            return this;
        }

        /** @param value the client's host key check, e.g. {@link KnownHostsVerifier#strict} */
        public Builder hostKeyVerifier(HostKeyVerifier value) {
            hostKeyVerifier = value;
            return this;
        }

        /** @param value the random source (required) */
        public Builder random(SecureRandom value) {
            random = value;
            return this;
        }

        /** @param value the nanosecond clock (default {@code System::nanoTime}) */
        public Builder nanoClock(LongSupplier value) {
            nanoClock = value;
            return this;
        }

        /** @param value our identification string */
        public Builder identification(Identification value) {
            identification = value;
            return this;
        }

        /** @param value the event listener */
        public Builder listener(SshEventListener value) {
            listener = value;
            return this;
        }

        /** @param value the service names a server accepts */
        public Builder services(List<String> value) {
            services = value;
            return this;
        }

        /**
         * @param bytes rekey after this many bytes per direction
         * @param packets rekey after this many packets per direction
         * @param intervalNanos rekey after this long (0: never by time)
         */
        public Builder rekeyLimits(long bytes, long packets, long intervalNanos) {
            rekeyBytes = bytes;
            rekeyPackets = packets;
            rekeyIntervalNanos = intervalNanos;
            return this;
        }

        /**
         * @param intervalNanos the keepalive interval (0: none)
         * @param maxMissed unanswered keepalives before CONNECTION_LOST
         */
        public Builder keepalive(long intervalNanos, int maxMissed) {
            keepaliveIntervalNanos = intervalNanos;
            keepaliveMaxMissed = maxMissed;
            return this;
        }

        /** @param value whether to require strict kex from the peer */
        public Builder requireStrictKex(boolean value) {
            requireStrictKex = value;
            return this;
        }

        /** @param value the bound on payload bytes queued during a key exchange */
        public Builder maxQueuedBytes(int value) {
            maxQueuedBytes = value;
            return this;
        }

        /**
         * @param packets packets accepted from the peer before authentication
         * @param kexCount key exchanges allowed before authentication
         */
        public Builder preAuthLimits(long packets, int kexCount) {
            preAuthPacketLimit = packets;
            preAuthKexLimit = kexCount;
            return this;
        }

        /** @param value the group-exchange groups a server offers */
        public Builder dhGroups(DhGroupSource value) {
            dhGroups = value;
            return this;
        }

        /** @param value the group-exchange sizes a client requests */
        public Builder gexPreferences(GexPreferences value) {
            gexPreferences = value;
            return this;
        }

        /** @return the configuration */
        public TransportConfig build() {
            return new TransportConfig(role, algorithms, hostKeys, hostKeyVerifier, host, port,
                    Objects.requireNonNull(random, "random"), nanoClock, identification, listener, services,
                    rekeyBytes, rekeyPackets, rekeyIntervalNanos, keepaliveIntervalNanos, keepaliveMaxMissed,
                    requireStrictKex, maxQueuedBytes, preAuthPacketLimit, preAuthKexLimit, dhGroups, gexPreferences);
        }
    }
}
