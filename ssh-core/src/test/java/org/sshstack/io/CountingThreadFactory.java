package org.sshstack.io;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/** Wraps a thread factory and remembers every thread it made, to count the live ones. */
final class CountingThreadFactory implements ThreadFactory {

    private final ThreadFactory delegate;
    private final List<Thread> made = new CopyOnWriteArrayList<>();

    CountingThreadFactory(ThreadFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = delegate.newThread(r);
        made.add(t);
        return t;
    }

    long live() {
        return made.stream().filter(Thread::isAlive).count();
    }

    List<Thread> made() {
        return Collections.unmodifiableList(made);
    }
}
