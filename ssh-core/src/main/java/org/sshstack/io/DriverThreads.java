package org.sshstack.io;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reader (and optional timer) thread of a {@link BlockingDriver}: starting them, and waiting for them to end. */
final class DriverThreads {

    private static final Logger LOG = LoggerFactory.getLogger(BlockingDriver.class);

    private final DriverOptions options;
    private final Link link;
    private final CountDownLatch threadsDone;
    private volatile Thread reader;
    private volatile Thread timer;

    DriverThreads(DriverOptions options, Link link) {
        this.options = options;
        this.link = link;
        this.threadsDone = new CountDownLatch(!link.hasReadTimeout() && options.streamTimers() ? 2 : 1);
    }

    /** Starts the reader, and the timer loop when streams need a thread for timers. */
    void start(Runnable readLoop, Runnable timerLoop) {
        reader = newThread(readLoop);
        if (threadsDone.getCount() == 2) {
            timer = newThread(timerLoop);
        }
        reader.start();
        if (timer != null) {
            timer.start();
        }
    }

    private Thread newThread(Runnable body) {
        Thread thread = options.threadFactory().newThread(() -> {
            try {
                body.run();
            } finally {
                threadsDone.countDown();
            }
        });
        if (thread == null) {
            link.shutdown();
            throw new IllegalStateException("the thread factory refused to make a thread");
        }
        return thread;
    }

    /** @return true when called on the reader thread */
    boolean onReader() {
        return Thread.currentThread() == reader;
    }

    /** @return true once every thread has finished */
    boolean done() {
        return threadsDone.getCount() == 0;
    }

    /** Waits for the threads to finish and joins them; @return true if they ended within {@code timeout} */
    boolean await(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        return threadsDone.await(timeout.toNanos(), TimeUnit.NANOSECONDS) && joined(end);
    }

    /** Joins the threads (unless called on one of them) until {@code end}; true when none is alive. */
    private boolean joined(long end) throws InterruptedException {
        for (Thread t : new Thread[] {reader, timer}) {
            if (t == null || t == Thread.currentThread()) {
                continue;
            }
            long left = end - System.nanoTime();
            if (left > 0) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** Joins the threads within the close timeout, unless called on one of them (then returns at once). */
    void join() {
        Thread self = Thread.currentThread();
        if (self == reader || self == timer) {
            return;
        }
        try {
            if (!await(options.closeTimeout())) {
                LOG.warn("driver threads did not end within {}", options.closeTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
