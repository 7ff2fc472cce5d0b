package io.github.mpeventloop.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventLoopBuilder;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.WorkerInfo;

/**
 * The event loop's measurements, through its public API only, on loops made by a builder factory
 * (worker count → builder), so that the process and the Hazelcast backends are measured alike.
 */
public final class LoopBench implements AutoCloseable {

    private final IntFunction<EventLoopBuilder> builders;
    private final Map<Integer, Running> running = new HashMap<>();
    private boolean archiveDecided;
    private boolean archiveInUse;

    public LoopBench(IntFunction<EventLoopBuilder> builders) {
        this.builders = builders;
    }

    /** A started loop whose output handler calls whatever {@link #onResult} holds. */
    private record Running(EventLoop loop, AtomicReference<Runnable> onResult) {
    }

    /**
     * The running loop with {@code workers} workers, started when missing, calling {@code onResult}
     * for each handled result; it serves every measurement of the run but start-up and idle RSS, and
     * stops at {@link #close()}.
     */
    private EventLoop loop(int workers, Runnable onResult) {
        Running loop = running.computeIfAbsent(workers, w -> {
            AtomicReference<Runnable> handler = new AtomicReference<>(() -> { });
            EventLoop started = builders.apply(w).outputHandlers(ResultHandler.of(result -> handler.get().run()))
                    .build().start();
            return new Running(started, handler);
        });
        loop.onResult().set(onResult);
        return loop.loop();
    }

    /** Median events/s of {@code addEvent(Work::plusOne, i)} × {@code events} until the handler saw the last. */
    public Stats.Median throughput(int workers, int events, int warmups, int reps) throws Exception {
        Counter counter = new Counter();
        EventLoop loop = loop(workers, counter::arrived);
        return Stats.median(warmups, reps, () -> counter.time(events, i -> loop.addEvent(Work::plusOne, i)));
    }

    /** One event at a time: from {@code addEvent} to the moment its output handler runs (on the loop's consumer thread). */
    public Stats.Latency latency(int warmup, int runs, int perRun) throws Exception {
        BlockingQueue<Long> handled = new ArrayBlockingQueue<>(1);
        EventLoop loop = loop(1, () -> handled.add(System.nanoTime()));
        return Stats.latency(warmup, runs, perRun, i -> {
            loop.addEvent(Work::plusOne, i);
            return handled.take();
        });
    }

    /**
     * Median milliseconds from {@code start()} of a fresh loop to its first handled result, once the
     * workers start from their start-up archive ({@link #awaitArchive()}), as every start after an
     * application's first one does.
     */
    public double startup(int loops) throws Exception {
        awaitArchive();
        double[] millis = new double[loops];
        for (int i = 0; i < loops; i++) {
            CountDownLatch first = new CountDownLatch(1);
            EventLoop loop = builders.apply(1).outputHandlers(ResultHandler.of(result -> first.countDown())).build();
            long start = System.nanoTime();
            loop.start();
            loop.addEvent(Work::plusOne, 1);
            first.await();
            millis[i] = (System.nanoTime() - start) / 1e6;
            loop.close();
        }
        return Stats.median(millis);
    }

    /**
     * Whether fresh workers start from their start-up archive (the class-data archive, on JDK 25+ the
     * AOT cache), after waiting for it up to a minute. The archive is recorded by one worker and
     * written at its exit, and no other worker of this JVM starts from an archive meanwhile; so the
     * running loops are closed first (one of their workers may be the recording one), then fresh
     * loops are started, untimed, until a worker's command line names the archive in use. False when
     * the workers cannot have one (a class path with directories) or it did not appear in time.
     * Decided once per bench.
     */
    public boolean awaitArchive() throws Exception {
        if (!archiveDecided) {
            archiveInUse = startUntilArchiveUsed();
            archiveDecided = true;
        }
        return archiveInUse;
    }

    private boolean startUntilArchiveUsed() throws Exception {
        close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean recorded = false;
        while (System.nanoTime() < deadline) {
            ChildJvm.Archive archive;
            try (EventLoop loop = builders.apply(1).outputHandlers(ResultHandler.of(result -> { })).build().start()) {
                loop.addEvent(Work::plusOne, 1).join();
                archive = ChildJvm.archive(loop.workers().get(0).pid());
            }
            if (archive == ChildJvm.Archive.USED) {
                return true;
            }
            recorded |= archive == ChildJvm.Archive.RECORDING;
            if (!recorded) {
                return false;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /**
     * Trivial events a loop's workers run before CPU-bound work is timed on them, so that the loop's
     * own per-event code is compiled, as in a running application (and as after the throughput
     * section, whose loops these are when it ran first). A process pool of an interpreted language
     * has no such warm-up to pay.
     */
    static final int WARM_UP_EVENTS = 50_000;

    /**
     * Timed runs of {@code events} spin events on {@code workers} workers ({@link CpuRuns}), after
     * {@link #WARM_UP_EVENTS} trivial events. Short spin events as the warm-up instead had C2 inline
     * the spin into the worker's call path with a profile of short loops: 23–24 instead of 20.5 ms per
     * 20 ms event, in some runs.
     */
    public CpuRuns cpuRuns(int workers, int events, long iterations, int runs) throws Exception {
        Counter counter = new Counter();
        EventLoop loop = loop(workers, counter::arrived);
        counter.time(WARM_UP_EVENTS, i -> loop.addEvent(Work::plusOne, i));
        List<Long> pids = loop.workers().stream().map(WorkerInfo::pid).toList();
        return CpuRuns.time(runs, pids, () -> events / counter.time(events, i -> loop.addEvent(Work::spin, iterations)));
    }

    /**
     * Resident set size in MiB of a fresh worker 1 s after its first event (started from the start-up
     * archive when it can be, {@link #awaitArchive()}), or of the running 1-worker loop's worker.
     */
    public double workerRss(boolean fresh) throws Exception {
        if (!fresh) {
            return ChildJvm.rssMiB(loop(1, () -> { }).workers().get(0).pid());
        }
        awaitArchive();
        try (EventLoop loop = builders.apply(1).outputHandlers(ResultHandler.of(result -> { })).build().start()) {
            loop.addEvent(Work::plusOne, 1).join();
            Thread.sleep(1000);
            return ChildJvm.rssMiB(loop.workers().get(0).pid());
        }
    }

    /** Parent heap per queued event: used heap after GC before and after queueing {@code events} on a loop not started. */
    public static double heapPerQueuedEvent(int events) {
        EventLoop loop = EventLoop.builder().name("bench-heap").queueCapacity(events + 1)
                .outputHandlers(ResultHandler.of(result -> { })).build();
        loop.addEvent(Work::plusOne, -1);
        long before = usedHeapAfterGc();
        for (int i = 0; i < events; i++) {
            loop.addEvent(Work::plusOne, i);
        }
        long after = usedHeapAfterGc();
        if (loop.queueDepth() != events + 1) {
            throw new IllegalStateException("queue depth " + loop.queueDepth());
        }
        loop.stop();
        return (after - before) / (double) events;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        running.values().forEach(loop -> loop.loop().close());
        running.clear();
    }

    /** Counts handled results and times a batch of submissions until the last is handled. */
    static final class Counter {
        private final AtomicLong done = new AtomicLong();
        private volatile long expected = Long.MAX_VALUE;
        private volatile CountDownLatch latch = new CountDownLatch(1);

        void arrived() {
            if (done.incrementAndGet() == expected) {
                latch.countDown();
            }
        }

        /** Submits {@code n} events and returns events per second until all were handled. */
        double time(int n, IntConsumer submit) throws InterruptedException {
            done.set(0);
            latch = new CountDownLatch(1);
            expected = n;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                submit.accept(i);
            }
            if (!latch.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("results did not all arrive: " + done.get() + " of " + n);
            }
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }
}
