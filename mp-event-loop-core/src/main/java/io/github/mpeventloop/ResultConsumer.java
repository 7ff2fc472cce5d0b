package io.github.mpeventloop;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer thread that calls output handlers (the seed's consumer loop and its
 * {@code consumer_queue}). Each loop has its own unless several loops are built with the same
 * consumer, which then delivers the results of all of them, one at a time, in arrival order.
 * With an executor (a GUI's event thread, say) the handlers run there instead, still one result
 * after another in arrival order as the executor runs them.
 */
public final class ResultConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResultConsumer.class);
    private static final Runnable END = () -> { };

    private final String name;
    private final @Nullable Executor handlerExecutor;
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private @Nullable Thread thread;
    private boolean closed;

    /** A consumer whose thread calls the handlers. */
    public ResultConsumer(String name) {
        this(name, null);
    }

    /** A consumer that hands each result to {@code handlerExecutor}, which calls the handlers. */
    public ResultConsumer(String name, @Nullable Executor handlerExecutor) {
        this.name = name;
        this.handlerExecutor = handlerExecutor;
    }

    void post(Runnable delivery) {
        synchronized (this) {
            if (!closed) {
                if (thread == null) {
                    thread = new Thread(this::consume, "mp-event-loop-consumer-" + name);
                    thread.setDaemon(true);
                    thread.start();
                }
                queue.add(delivery);
                return;
            }
        }
        LOG.warn("Result consumer {} is closed; delivering on the calling thread", name);
        dispatch(delivery);
    }

    /** Posts several deliveries at once, delivered in their order. */
    void postAll(java.util.List<Runnable> deliveries) {
        post(new Batch(deliveries));
    }

    /** Deliveries posted together: one wake-up of the consumer for all of them. */
    private record Batch(java.util.List<Runnable> deliveries) implements Runnable {
        @Override
        public void run() {
            deliveries.forEach(Runnable::run);
        }
    }

    private void consume() {
        while (true) {
            Runnable next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                LOG.warn("Result consumer {} interrupted; {} results left undelivered", name, queue.size());
                return;
            }
            if (next == END) {
                return;
            }
            dispatch(next);
        }
    }

    private void dispatch(Runnable delivery) {
        if (handlerExecutor == null) {
            delivery.run();
        } else if (delivery instanceof Batch batch) {
            batch.deliveries().forEach(handlerExecutor::execute);
        } else {
            handlerExecutor.execute(delivery);
        }
    }

    /** Whether the calling thread is this consumer's thread. */
    boolean isConsumerThread() {
        return Thread.currentThread() == thread;
    }

    /** Delivers everything already posted, then ends the thread. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = thread;
            if (running != null) {
                queue.add(END);
            }
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "ResultConsumer[" + name + "]";
    }
}
