package io.github.mpeventloop.internal.worker;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.wire.FrameWriter;

/**
 * The worker's clock for what must not wait behind a running task. Answers that wait in the buffer
 * when a task begins are flushed about a millisecond later, so they reach the parent even while the
 * next event runs for minutes or never ends, which is what lets the parent tell the event that
 * hangs from those that finished. A reading thread that runs tasks itself hands the channel on to
 * the other reading thread once they ran for a millisecond ({@link FrameInbox#passBatonLentBefore}),
 * so that pings and cancels are served meanwhile.
 *
 * <p>The linger is for answers of short tasks, which more answers join within it. When the task
 * before ran a linger or longer, no answer would join the waiting ones, so the task start flushes
 * them itself: the answer of a long event reaches the parent a millisecond sooner and wakes no clock.
 *
 * <p>While tasks keep starting, the thread checks every millisecond on its own, so a task start
 * costs no thread wake-up (a stream of short events would otherwise pay one each). Once no task
 * started for two milliseconds, whatever the last start armed is done (the flush and the baton are
 * due one millisecond after it, and the tick has looked since), so the thread sleeps until a start
 * arms something again: a long task, CPU-bound work above all, is not interrupted a thousand times
 * a second by a clock with nothing to do, and a run of long tasks on the event thread, whose starts
 * arm nothing, does not wake it at all.
 */
final class LingerFlush {

    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /**
     * How often the clock looks while tasks keep starting: once per linger, so what a start armed is
     * done one to two milliseconds after it (a finer tick cost a stream of short events a tenth of
     * the worker's CPU in wake-ups).
     */
    private static final long TICK_NANOS = LINGER_NANOS;
    /** Without a task start for this long nothing armed is left to do: twice the linger. */
    static final long DORMANT_AFTER_NANOS = 2 * LINGER_NANOS;

    private final FrameWriter writer;
    private final LongSupplier nanoClock;
    /** When buffered answers are due to be flushed; 0 when none wait. */
    private final AtomicLong flushDue = new AtomicLong();
    private volatile long lastTaskStart;
    private volatile boolean dormant;
    private volatile boolean stopped;
    private volatile @Nullable FrameInbox inbox;
    private final Thread thread;

    LingerFlush(FrameWriter writer) {
        this(writer, System::nanoTime);
    }

    /** A clock that reads the time from {@code nanoClock}, as {@link System#nanoTime()} does. */
    LingerFlush(FrameWriter writer, LongSupplier nanoClock) {
        this.writer = writer;
        this.nanoClock = nanoClock;
        this.lastTaskStart = nanoClock.getAsLong();
        this.thread = new Thread(this::run, "mp-event-loop-linger-flush");
        thread.setDaemon(true);
        thread.start();
    }

    /** The inbox whose reading threads lend their role to the tasks they run. */
    void watch(FrameInbox reading) {
        inbox = reading;
    }

    /**
     * Called as a task starts: answers waiting now go out a millisecond from now, or at once when the
     * task before started a linger or more ago.
     */
    void arm() throws IOException {
        long now = nanoClock.getAsLong();
        long sincePreviousStart = now - lastTaskStart;
        lastTaskStart = now;
        if (writer.buffered() > 0) {
            if (sincePreviousStart >= LINGER_NANOS) {
                writer.flush();
            } else {
                flushDue.compareAndSet(0, now + LINGER_NANOS);
            }
        }
        FrameInbox reading = inbox;
        if (dormant && (flushDue.get() != 0 || (reading != null && reading.batonLent()))) {
            LockSupport.unpark(thread);
        }
    }

    /** Whether the clock sleeps until a task start arms something (it is parked with no timeout). */
    boolean sleeps() {
        return dormant && thread.getState() == Thread.State.WAITING;
    }

    /** Ends the thread; the worker flushes its last answers itself. */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    private void run() {
        while (!stopped) {
            long now = nanoClock.getAsLong();
            long due = flushDue.get();
            if (due != 0 && now - due >= 0 && flushDue.compareAndSet(due, 0)) {
                try {
                    writer.flush();
                } catch (IOException e) {
                    return;
                }
            }
            FrameInbox reading = inbox;
            if (reading != null) {
                reading.passBatonLentBefore(now - LINGER_NANOS);
            }
            if (now - lastTaskStart > DORMANT_AFTER_NANOS && flushDue.get() == 0) {
                dormant = true;
                if (nanoClock.getAsLong() - lastTaskStart > DORMANT_AFTER_NANOS && !stopped) {
                    LockSupport.park(this);
                }
                dormant = false;
            } else {
                LockSupport.parkNanos(this, TICK_NANOS);
            }
        }
    }
}
