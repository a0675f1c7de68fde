package org.sshstack.transport;

import java.util.Optional;
import org.sshstack.SshException;
import org.sshstack.crypto.cipher.CipherAlgorithm;
import org.sshstack.crypto.cipher.Ciphers;
import org.sshstack.crypto.cipher.PacketOpener;
import org.sshstack.crypto.cipher.PacketSealer;
import org.sshstack.crypto.compression.CompressionAlgorithm;
import org.sshstack.crypto.compression.CompressionAlgorithms;
import org.sshstack.crypto.kex.KeyExchangeException;
import org.sshstack.crypto.mac.MacAlgorithm;
import org.sshstack.crypto.mac.Macs;
import org.sshstack.event.KexFinished;
import org.sshstack.event.KexTrigger;
import org.sshstack.transport.kex.ClientKeyExchange;
import org.sshstack.transport.kex.DerivedKeys;
import org.sshstack.transport.kex.DirectionKeys;
import org.sshstack.transport.kex.KexResult;
import org.sshstack.transport.kex.ServerKeyExchange;
import org.sshstack.wire.KexInit;

/**
 * The state of one key exchange, from our KEXINIT to the peer's NEWKEYS (RFC 4253 §7-§8), plus the helpers that turn
 * its result into sealers and openers (RFC 4253 §7.2, §7.3). Package-private, owned by {@link TransportEngine}.
 */
final class KexRun {

    final KexTrigger trigger;
    final boolean initial;
    final long startNanos;
    KexInit ours;
    long oursSequence;
    KexInit theirs;
    NegotiatedAlgorithms algorithms;
    ClientKeyExchange client;
    ServerKeyExchange server;
    KexResult result;
    DerivedKeys keys;
    boolean newKeysSent;

    KexRun(KexTrigger trigger, boolean initial, long startNanos) {
        this.trigger = trigger;
        this.initial = initial;
        this.startNanos = startNanos;
    }

    /** @return true once both KEXINITs are known and the method messages run */
    boolean negotiated() {
        return algorithms != null;
    }

    /** Derives the keys once (RFC 4253 §7.2). */
    DerivedKeys keys() throws SshException {
        if (keys == null) {
            keys = result.deriveKeys(algorithms);
        }
        return keys;
    }

    static PacketSealer sealer(DirectionAlgorithms direction, DirectionKeys keys) throws SshException {
        return cipher(direction).newSealer(keys.key(), keys.iv(), mac(direction), keys.macKey());
    }

    static PacketOpener opener(DirectionAlgorithms direction, DirectionKeys keys) throws SshException {
        return cipher(direction).newOpener(keys.key(), keys.iv(), mac(direction), keys.macKey());
    }

    static CipherAlgorithm cipher(DirectionAlgorithms direction) throws KeyExchangeException {
        return Ciphers.byWireName(direction.cipher())
                .orElseThrow(() -> new KeyExchangeException("cipher " + direction.cipher() + " is not implemented"));
    }

    private static MacAlgorithm mac(DirectionAlgorithms direction) throws KeyExchangeException {
        Optional<String> name = direction.mac();
        if (name.isEmpty()) {
            return null; // AEAD: the MAC list was not negotiated
        }
        return Macs.byWireName(name.get())
                .orElseThrow(() -> new KeyExchangeException("MAC " + name.get() + " is not implemented"));
    }

    static CompressionAlgorithm compression(DirectionAlgorithms direction) throws KeyExchangeException {
        return CompressionAlgorithms.byName(direction.compression()).orElseThrow(
                () -> new KeyExchangeException("compression " + direction.compression() + " is not implemented"));
    }

    /**
     * RFC 4344 §3.1: with a block size of L bits below 128, rekey after at most 2^(L/4) blocks.
     *
     * @param configured the configured byte limit
     * @param blockSize the block cipher's block size in bytes ({@link
     *     org.sshstack.crypto.cipher.CipherAlgorithm#cipherBlockSize()}), 0 for a stream cipher
     * @return the byte limit to apply
     */
    static long byteLimit(long configured, int blockSize) {
        int bits = blockSize * 8;
        if (bits == 0 || bits >= 128) {
            return configured;
        }
        long blocks = 1L << (bits / 4);
        return Math.min(configured, blocks * blockSize);
    }

    /** Wipes the derived keys and the shared secret. */
    void destroySecrets() {
        if (keys != null) {
            keys.destroy();
        }
        if (result != null) {
            result.sharedSecret().destroy();
        }
    }

    /** @return the event describing this exchange's end */
    KexFinished finished(boolean success, boolean strict, long nowNanos, String failure) {
        NegotiatedAlgorithms a = algorithms;
        if (a == null) {
            return new KexFinished(initial, trigger, success, "", "", "", "", "", "", "", "", strict,
                    nowNanos - startNanos, failure);
        }
        return new KexFinished(initial, trigger, success, a.kex(), a.hostKey(), a.clientToServer().cipher(),
                a.serverToClient().cipher(), a.clientToServer().mac().orElse(""), a.serverToClient().mac().orElse(""),
                a.clientToServer().compression(), a.serverToClient().compression(), strict, nowNanos - startNanos,
                failure);
    }
}
