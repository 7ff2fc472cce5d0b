package io.github.mpeventloop.worker;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The worker's event thread as a small scheduler: a queue of ready tasks served in order, one at a
 * time. New calls, the next step of each active stream and the answers of completed asynchronous
 * calls all wait in it, so a stream that takes one step and then goes to the back of the queue
 * cannot starve anybody. Other threads (the frame reader, the completion callbacks of
 * {@code CompletionStage}s) hand tasks over through {@link #post(Runnable)}; the event thread
 * itself uses {@link #schedule(Runnable)}.
 */
final class Scheduler {

    /** What the scheduler asks of its owner between tasks. */
    interface Owner {
        /** True when the loop is over. */
        boolean finished();

        /** Runs before the event thread waits for a task from another thread (a flush). */
        void beforeWaiting();

        /** Runs before each task. */
        void beforeTask();
    }

    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();

    /** Hands a task to the event thread; any thread. */
    void post(Runnable task) {
        inbox.add(task);
    }

    /** Hands several tasks to the event thread, which queues them together, in their order; any thread. */
    void postAll(List<Runnable> tasks) {
        List<Runnable> batch = List.copyOf(tasks);
        inbox.add(() -> ready.addAll(batch));
    }

    /** Queues a task behind the ready ones; event thread only. */
    void schedule(Runnable task) {
        ready.addLast(task);
    }

    /** Serves tasks until the owner is finished. */
    void run(Owner owner) throws InterruptedException {
        while (!owner.finished()) {
            inbox.drainTo(ready);
            Runnable task = ready.pollFirst();
            if (task == null) {
                owner.beforeWaiting();
                task = inbox.take();
            }
            owner.beforeTask();
            task.run();
        }
    }
}
