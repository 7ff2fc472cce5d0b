package io.github.mpeventloop;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer thread that calls output handlers (the seed's consumer loop and its
 * {@code consumer_queue}). Each loop has its own unless several loops are built with the same
 * consumer, which then delivers the results of all of them, one at a time, in arrival order.
 * With an executor (a GUI's event thread, say) the handlers run there instead, still one result
 * after another in arrival order as the executor runs them.
 *
 * <p>Sharing a consumer shares the thread, not the handlers: each result goes to the handlers of
 * the loop that ran it, so the loops' handlers run interleaved, one at a time, on one thread. This
 * differs from the seed, whose loops sharing an output queue had the results of all of them
 * handled by the handlers of the one loop that consumed the queue. To handle every loop's results
 * in one place, as the seed did, give the same handler to each loop:
 *
 * <pre>{@code
 * try (ResultConsumer shared = new ResultConsumer("shared")) {
 *     ResultHandler saveRecord = ResultHandler.of(result -> records.add(result.value()));
 *     try (EventLoop first = EventLoop.builder().name("first").consumer(shared).outputHandlers(saveRecord).build().start();
 *             EventLoop second = EventLoop.builder().name("second").consumer(shared).outputHandlers(saveRecord).build().start()) {
 *         first.addEvent(Tasks::echo, "first 0");
 *         second.addEvent(Tasks::echo, "second 0");
 *     } // saveRecord saw both, on the consumer's one thread
 * }
 * }</pre>
 *
 * <p>A consumer that runs out of results parks its thread, except after a lone result (the only
 * event outstanding in its loop when it was posted, as when a caller sends one event at a time and
 * waits for it) that came soon after the consumer last went idle: it then polls for the next one for
 * up to 100 µs before it parks. Waking a parked thread cost about 10 µs on the two-processor
 * machine of {@code docs/performance.md}, a fifth of a lone event's round trip. The poll costs up
 * to 100 µs of CPU per lone result, and nothing while results arrive with other events outstanding,
 * which is how they arrive under load; it shortens the median round trip of events sent one at a
 * time and lengthens their slowest percent (measured there). On a single processor it never polls.
 *
 * <p>Handlers that keep the consumer busy on one result longer than the stall warning (default 10
 * seconds) are reported in the log, once per result: every result waits behind them, while other
 * loops' consumers go on. One JVM-wide thread looks once a second, and only while some consumer
 * with a thread is open.
 */
public final class ResultConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResultConsumer.class);
    private static final Runnable END = () -> { };
    private static final Duration DEFAULT_STALL_WARNING = Duration.ofSeconds(10);
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    private static final boolean MULTIPROCESSOR = Runtime.getRuntime().availableProcessors() > 1;
    /** How often the consumers with a thread are looked at for a stall. */
    private static final Duration STALL_CHECK_PERIOD = Duration.ofSeconds(1);
    private static final Set<ResultConsumer> WATCHED = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService STALL_WATCH = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mp-event-loop-handler-stall-watch");
        thread.setDaemon(true);
        return thread;
    });
    /** The periodic look, while any consumer is watched; guarded by {@code WATCHED}. */
    private static @Nullable ScheduledFuture<?> stallChecks;

    private final String name;
    private final @Nullable Executor handlerExecutor;
    /**
     * What waits for the consumer's thread. Not a blocking queue: a delivery is added without a
     * lock, and the thread is unparked only when it said it is about to sleep ({@link #sleeping}),
     * so a result that arrives while the consumer is busy costs no wake-up and one that arrives
     * while it sleeps costs exactly one.
     */
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private volatile boolean sleeping;
    /** Whether the last result posted was the only event outstanding in its loop. */
    private volatile boolean lastPostAlone;
    /** How long the consumer's last wait for a result lasted; its thread only. */
    private long lastWaitNanos = Long.MAX_VALUE;
    private final long stallWarningNanos;
    private volatile @Nullable Thread thread;
    private boolean closed;
    private volatile long busySince;
    private volatile boolean stallReported;

    /** A consumer whose thread calls the handlers. */
    public ResultConsumer(String name) {
        this(name, null);
    }

    /** A consumer that hands each result to {@code handlerExecutor}, which calls the handlers. */
    public ResultConsumer(String name, @Nullable Executor handlerExecutor) {
        this(name, handlerExecutor, DEFAULT_STALL_WARNING);
    }

    /** A consumer that reports handlers busy on one result for longer than {@code stallWarning}. */
    public ResultConsumer(String name, @Nullable Executor handlerExecutor, Duration stallWarning) {
        this.name = name;
        this.handlerExecutor = handlerExecutor;
        this.stallWarningNanos = stallWarning.toNanos();
    }

    /** How long the handlers have been busy with the current result; zero when idle. */
    public Duration busyFor() {
        long since = busySince;
        return since == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
    }

    /** Watches {@code consumer} for stalls; the first one watched starts the periodic look. */
    private static void watch(ResultConsumer consumer) {
        synchronized (WATCHED) {
            WATCHED.add(consumer);
            if (stallChecks == null) {
                stallChecks = STALL_WATCH.scheduleWithFixedDelay(() -> WATCHED.forEach(ResultConsumer::checkStall),
                        STALL_CHECK_PERIOD.toMillis(), STALL_CHECK_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Stops watching {@code consumer}; the last one ends the periodic look, so no closed loop wakes it. */
    private static void unwatch(ResultConsumer consumer) {
        synchronized (WATCHED) {
            ScheduledFuture<?> checks = stallChecks;
            if (WATCHED.remove(consumer) && WATCHED.isEmpty() && checks != null) {
                checks.cancel(false);
                stallChecks = null;
            }
        }
    }

    private void checkStall() {
        long since = busySince;
        if (since != 0 && !stallReported && System.nanoTime() - since > stallWarningNanos) {
            stallReported = true;
            LOG.warn("Output handlers of consumer {} have been busy with one result for more than {} ms; {} result(s) "
                    + "wait behind it", name, TimeUnit.NANOSECONDS.toMillis(stallWarningNanos), queue.size());
        }
    }

    void post(Runnable delivery) {
        post(delivery, false);
    }

    /**
     * Posts one delivery; {@code alone} when its event was the only one outstanding in its loop,
     * which lets the consumer poll briefly for the next result instead of parking.
     */
    void post(Runnable delivery, boolean alone) {
        if (lastPostAlone != alone) {
            lastPostAlone = alone;
        }
        synchronized (this) {
            if (!closed) {
                if (thread == null) {
                    thread = new Thread(this::consume, "mp-event-loop-consumer-" + name);
                    thread.setDaemon(true);
                    thread.start();
                    watch(this);
                }
                queue.add(delivery);
                wake();
                return;
            }
        }
        LOG.warn("Result consumer {} is closed; delivering on the calling thread", name);
        dispatch(delivery);
    }

    /** Posts several deliveries at once, delivered in their order. */
    void postAll(List<Runnable> deliveries) {
        post(new Batch(deliveries));
    }

    /** Deliveries posted together: one wake-up of the consumer for all of them. */
    private record Batch(List<Runnable> deliveries) implements Runnable {
        @Override
        public void run() {
            deliveries.forEach(Runnable::run);
        }
    }

    private void wake() {
        if (sleeping) {
            LockSupport.unpark(thread);
        }
    }

    private void consume() {
        while (true) {
            Runnable next = queue.poll();
            if (next == null) {
                next = sleepUntilPosted();
                if (next == null) {
                    LOG.warn("Result consumer {} interrupted; {} results left undelivered", name, queue.size());
                    return;
                }
            }
            if (next == END) {
                return;
            }
            dispatch(next);
        }
    }

    /**
     * Waits until something is posted and returns it; null if the thread was interrupted. Polls
     * first when the last result was lone and the wait before it was short (the class comment).
     */
    private @Nullable Runnable sleepUntilPosted() {
        long idleSince = System.nanoTime();
        Runnable next = null;
        if (MULTIPROCESSOR && lastPostAlone && lastWaitNanos < SPIN_NANOS) {
            next = pollUntil(idleSince + SPIN_NANOS);
        }
        if (next == null) {
            next = parkUntilPosted();
        }
        lastWaitNanos = System.nanoTime() - idleSince;
        return next;
    }

    private @Nullable Runnable pollUntil(long deadlineNanos) {
        do {
            Runnable next = queue.poll();
            if (next != null) {
                return next;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() - deadlineNanos < 0);
        return null;
    }

    /**
     * Parks until something is posted and returns it; null if the thread was interrupted. It says
     * it sleeps before it looks once more, and a poster adds before it looks whether to wake it, so
     * one of the two always sees the other.
     */
    private @Nullable Runnable parkUntilPosted() {
        while (true) {
            sleeping = true;
            Runnable next = queue.poll();
            if (next == null && !Thread.currentThread().isInterrupted()) {
                LockSupport.park(this);
                next = queue.poll();
            }
            sleeping = false;
            if (next != null) {
                return next;
            }
            if (Thread.interrupted()) {
                return null;
            }
        }
    }

    private void dispatch(Runnable delivery) {
        if (handlerExecutor == null && delivery instanceof Batch batch) {
            batch.deliveries().forEach(this::runTimed);
        } else if (handlerExecutor == null) {
            runTimed(delivery);
        } else if (delivery instanceof Batch batch) {
            batch.deliveries().forEach(handlerExecutor::execute);
        } else {
            handlerExecutor.execute(delivery);
        }
    }

    private void runTimed(Runnable delivery) {
        stallReported = false;
        busySince = System.nanoTime();
        try {
            delivery.run();
        } finally {
            busySince = 0;
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
            unwatch(this);
            running = thread;
            if (running != null) {
                queue.add(END);
                wake();
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
