package org.sshstack.io;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.sshstack.SshException;

/**
 * The one lock around an engine and a condition signalled after every engine call and every drained write, with a
 * generation counter so waiters never miss a change. {@link ReentrantLock}, never a monitor lock
 * (virtual-thread pinning).
 *
 * @param <E> the engine type
 */
final class EngineGate<E> {

    private final E engine;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    private long generation; // guarded by lock

    EngineGate(E engine) {
        this.engine = engine;
    }

    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    /** @return the change counter; the caller holds the lock */
    long generation() {
        return generation;
    }

    /** Counts a change and wakes every waiter; the caller holds the lock. */
    void changedLocked() {
        generation++;
        progress.signalAll();
    }

    /** Counts a change and wakes every waiter. */
    void changed() {
        lock.lock();
        try {
            changedLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a signal at most {@code nanos}; the caller holds the lock. */
    void awaitNanosLocked(long nanos) throws InterruptedException {
        progress.awaitNanos(nanos);
    }

    <T> T call(Function<? super E, T> action) {
        lock.lock();
        try {
            return action.apply(engine);
        } finally {
            changedLocked();
            lock.unlock();
        }
    }

    <T> T callChecked(EngineAction<? super E, T> action) throws SshException {
        lock.lock();
        try {
            return action.apply(engine);
        } finally {
            changedLocked();
            lock.unlock();
        }
    }

    /** Waits until the generation moves past {@code seen}; false once {@code endNanos} (System.nanoTime) passed. */
    boolean awaitChange(long seen, long endNanos) throws InterruptedException {
        lock.lock();
        try {
            while (generation == seen) {
                long left = endNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
