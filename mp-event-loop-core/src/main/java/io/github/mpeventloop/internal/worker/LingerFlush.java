package io.github.mpeventloop.internal.worker;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import io.github.mpeventloop.internal.wire.FrameWriter;

/**
 * Sends answers that wait in the worker's buffer while the next event runs: armed when an event
 * starts with answers buffered, it flushes them a millisecond later. Answers thus reach the parent
 * within about a millisecond of their event's end, even when the next event runs for minutes or
 * never ends, which is what lets the parent tell the event that hangs from those that finished.
 * Under load the worker flushes on its own first, and this thread mostly sleeps.
 */
final class LingerFlush {

    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final FrameWriter writer;
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile boolean stopped;
    private final Thread thread;

    LingerFlush(FrameWriter writer) {
        this.writer = writer;
        this.thread = new Thread(this::run, "mp-event-loop-linger-flush");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called as an event starts: if answers are waiting, they go out a millisecond from now. */
    void arm() {
        if (writer.buffered() > 0 && armed.compareAndSet(false, true)) {
            LockSupport.unpark(thread);
        }
    }

    /** Ends the thread; the worker flushes its last answers itself. */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    private void run() {
        while (!stopped) {
            while (!armed.get() && !stopped) {
                LockSupport.park(this);
            }
            LockSupport.parkNanos(this, LINGER_NANOS);
            armed.set(false);
            try {
                writer.flush();
            } catch (IOException e) {
                return;
            }
        }
    }
}
