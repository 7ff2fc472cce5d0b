package io.github.mpeventloop.internal.worker;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * The worker's event loop as a small scheduler: a queue of ready tasks served in order, one at a
 * time. New calls, the next step of each active stream and the answers of completed asynchronous
 * calls all wait in it, so a stream that takes one step and then goes to the back of the queue
 * cannot starve anybody.
 *
 * <p>Tasks run one at a time under a run token. The event thread holds it while it serves tasks
 * and lets it go when it waits. The frame reader hands over what arrived with
 * {@link #offer(List, Runnable)}: when the token is free (the event thread waits) it runs the tasks
 * itself instead of waking the event thread, which spares a lone event a thread hand-off; otherwise they
 * join the inbox. Everything reaches the ready queue through the inbox, under the token, so tasks
 * keep the order in which they were handed over. Completion callbacks of {@code CompletionStage}s
 * hand tasks over through {@link #post(Runnable)}; the running task uses {@link #schedule(Runnable)}.
 */
final class Scheduler {

    /** What the scheduler asks of its owner between tasks. */
    interface Owner {
        /** True when the loop is over. */
        boolean finished();

        /** Runs before the scheduler has nothing left to run and waits (a flush). */
        void beforeWaiting();

        /** Runs before each task. */
        void beforeTask();
    }

    /** Tasks a reader runs in a row before it hands the rest to the event thread and goes back to reading. */
    private static final int MAX_INLINE = 256;
    private static final Runnable WAKE = () -> { };

    private final ReentrantLock token = new ReentrantLock();
    private final Object inboxMonitor = new Object();
    private final ArrayDeque<Runnable> inbox = new ArrayDeque<>();
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    private volatile @Nullable Owner owner;

    /** Hands a task to the scheduler; any thread. */
    void post(Runnable task) {
        synchronized (inboxMonitor) {
            inbox.addLast(task);
            inboxMonitor.notifyAll();
        }
    }

    /**
     * Hands over tasks that arrived together; runs them on the calling thread when the event
     * thread is idle, after {@code beforeRunning}. Frame reader only.
     */
    void offer(List<Runnable> tasks, Runnable beforeRunning) {
        Owner current = owner;
        if (current == null || !token.tryLock()) {
            synchronized (inboxMonitor) {
                inbox.addAll(tasks);
                inboxMonitor.notifyAll();
            }
            return;
        }
        boolean handOver;
        try {
            drainInbox();
            ready.addAll(tasks);
            beforeRunning.run();
            int ran = 0;
            Runnable task;
            while (ran < MAX_INLINE && !current.finished() && (task = ready.pollFirst()) != null) {
                current.beforeTask();
                task.run();
                ran++;
                drainInbox();
            }
            handOver = !ready.isEmpty() || current.finished();
            if (ready.isEmpty()) {
                current.beforeWaiting();
            }
        } finally {
            token.unlock();
        }
        if (handOver) {
            post(WAKE);
        }
    }

    /** Queues a task behind the ready ones; the running task only. */
    void schedule(Runnable task) {
        ready.addLast(task);
    }

    private void drainInbox() {
        synchronized (inboxMonitor) {
            ready.addAll(inbox);
            inbox.clear();
        }
    }

    /** Serves tasks on the calling thread (the event thread) until the owner is finished. */
    void run(Owner owner) throws InterruptedException {
        this.owner = owner;
        while (true) {
            token.lockInterruptibly();
            try {
                drainInbox();
                Runnable task;
                while (!owner.finished() && (task = ready.pollFirst()) != null) {
                    owner.beforeTask();
                    task.run();
                    drainInbox();
                }
                if (owner.finished()) {
                    return;
                }
                owner.beforeWaiting();
            } finally {
                token.unlock();
            }
            synchronized (inboxMonitor) {
                while (inbox.isEmpty()) {
                    inboxMonitor.wait();
                }
            }
        }
    }
}
