package org.sshstack.io;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sshstack.transport.ProtocolEngine;

/**
 * Writes what a {@link BlockingDriver}'s engine has queued to the link, under a write lock held across drain and
 * write so chunks keep their order (lock order: write lock, then engine lock; DESIGN.md §3).
 *
 * @param <E> the engine type
 */
final class DriverOutput<E extends ProtocolEngine> {

    private static final Logger LOG = LoggerFactory.getLogger(BlockingDriver.class);

    private final EngineGate<E> gate;
    private final E engine;
    private final Link link;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final byte[] writeBuffer;

    DriverOutput(EngineGate<E> gate, E engine, Link link, int bufferSize) {
        this.gate = gate;
        this.engine = engine;
        this.link = link;
        this.writeBuffer = new byte[bufferSize];
    }

    /** Drains and writes everything queued; @return true if anything was written */
    boolean write() throws IOException {
        writeLock.lock();
        try {
            return drainAndWrite();
        } finally {
            writeLock.unlock();
        }
    }

    /** On close: writes what is queued, waiting at most {@code bound} for another writer; never throws. */
    void finalFlush(Duration bound) {
        try {
            if (writeLock.tryLock(bound.toNanos(), TimeUnit.NANOSECONDS)) {
                try {
                    drainAndWrite();
                } finally {
                    writeLock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("could not flush on close", e);
        }
    }

    /** Drains and writes until the engine has nothing queued; the caller holds the write lock. */
    private boolean drainAndWrite() throws IOException {
        boolean wrote = false;
        while (true) {
            int n;
            gate.lock();
            try {
                n = engine.drainOutbound(writeBuffer, 0, writeBuffer.length);
            } finally {
                gate.unlock();
            }
            if (n <= 0) {
                return wrote;
            }
            link.write(writeBuffer, 0, n);
            wrote = true;
        }
    }
}
