package org.sshstack.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sshstack.connection.SessionRequest;

/**
 * What the client says to a running command besides its data: terminal size changes (window-change, RFC 4254 §6.7)
 * and signals (RFC 4254 §6.9). A handler reads the current size or registers listeners; see
 * {@link ServerCommand#terminalSize()}, {@link ServerCommand#onWindowChange} and {@link ServerCommand#onSignal}.
 *
 * <p>Listeners run on the server's executor, one event at a time and in arrival order, never on a connection's
 * reading thread, so they may block briefly. Signals that arrive before any signal listener is registered are kept
 * (up to {@value #MAX_QUEUED}) and given to the first one. At most {@value #MAX_QUEUED} events wait for delivery;
 * beyond that new ones are dropped (a client flooding window changes cannot grow memory). Thread-safe.
 */
public final class SessionControl {

    private static final Logger LOG = LoggerFactory.getLogger(SessionControl.class);

    /** Events waiting for delivery, and signals kept for a listener still to come, at most. */
    static final int MAX_QUEUED = 64;

    /**
     * A terminal size (RFC 4254 §6.2, §6.7): characters and pixels, 0 where the client does not say.
     *
     * @param columns width in characters
     * @param rows height in rows
     * @param widthPixels width in pixels
     * @param heightPixels height in pixels
     */
    public record TerminalSize(long columns, long rows, long widthPixels, long heightPixels) {
    }

    private final Executor executor;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Consumer<TerminalSize>> resizeListeners = new ArrayList<>();
    private final List<Consumer<String>> signalListeners = new ArrayList<>();
    private final ArrayDeque<String> earlySignals = new ArrayDeque<>();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private TerminalSize size;
    private boolean draining;

    /**
     * @param executor where listeners run
     * @param pty the pty request, whose size is the initial terminal size, if any
     */
    SessionControl(Executor executor, Optional<SessionRequest.PtyRequest> pty) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.size = pty.map(p -> new TerminalSize(p.columns(), p.rows(), p.widthPixels(), p.heightPixels()))
                .orElse(null);
    }

    /** @return a control that never receives anything (for commands built by hand, e.g. in tests) */
    static SessionControl detached() {
        return new SessionControl(Runnable::run, Optional.empty());
    }

    /** @return the current terminal size: the pty request's, then the latest window-change; empty without a pty */
    public Optional<TerminalSize> terminalSize() {
        lock.lock();
        try {
            return Optional.ofNullable(size);
        } finally {
            lock.unlock();
        }
    }

    /** @param listener told each later window-change, with the new size */
    public void onWindowChange(Consumer<TerminalSize> listener) {
        Objects.requireNonNull(listener, "listener");
        locked(() -> resizeListeners.add(listener));
    }

    /** @param listener told each signal name (without "SIG", e.g. "INT"), including those that came before */
    public void onSignal(Consumer<String> listener) {
        Objects.requireNonNull(listener, "listener");
        locked(() -> {
            signalListeners.add(listener);
            String early;
            while ((early = earlySignals.poll()) != null) {
                String name = early;
                enqueue(() -> listener.accept(name));
            }
        });
    }

    /** Called under the engine lock for a window-change request. */
    void windowChanged(SessionRequest.WindowChange change) {
        TerminalSize next = new TerminalSize(change.columns(), change.rows(), change.widthPixels(),
                change.heightPixels());
        locked(() -> {
            size = next;
            for (Consumer<TerminalSize> listener : resizeListeners) {
                enqueue(() -> listener.accept(next));
            }
        });
    }

    /** Called under the engine lock for a signal request. */
    void signalled(String name) {
        locked(() -> {
            if (signalListeners.isEmpty()) {
                if (earlySignals.size() < MAX_QUEUED) {
                    earlySignals.add(name);
                }
                return;
            }
            for (Consumer<String> listener : signalListeners) {
                enqueue(() -> listener.accept(name));
            }
        });
    }

    private void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    /** Queues one delivery (lock held) and starts a drain on the executor unless one runs. */
    private void enqueue(Runnable delivery) {
        if (queue.size() >= MAX_QUEUED) {
            return;
        }
        queue.add(delivery);
        if (!draining) {
            draining = true;
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining = false;
                queue.clear(); // the server is shutting down: nobody is left to tell
            }
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            lock.lock();
            try {
                next = queue.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            } finally {
                lock.unlock();
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.debug("a window-change or signal listener failed", e); // later deliveries still happen
            }
        }
    }
}
