package io.github.mpeventloop.benchmarks.hazelcast;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.IExecutorService;

import io.github.mpeventloop.benchmarks.CpuRuns;
import io.github.mpeventloop.benchmarks.SharedWork;
import io.github.mpeventloop.benchmarks.Stats;

/**
 * Hazelcast's own {@code IExecutorService}, called directly from the parent (a lite member) to the
 * worker member: what a user of the distributed backend would otherwise call. Throughput keeps at
 * most {@link #WINDOW} tasks outstanding (completion callbacks release them); latency waits on
 * each task's future.
 */
public final class HazelcastBench {

    /** Outstanding tasks at most. */
    public static final int WINDOW = 512;
    /** The executor the direct peer uses (not the loop's). */
    static final String EXECUTOR = "mpel-bench-direct";

    private final Cluster cluster;
    private final IExecutorService executor;

    public HazelcastBench(Cluster cluster) {
        this.cluster = cluster;
        this.executor = cluster.parent.getExecutorService(EXECUTOR);
    }

    /** Median tasks/s of {@code submitToMember(plusOne)} with callbacks. */
    public Stats.Median throughput(int events, int warmups, int reps) throws Exception {
        return Stats.median(warmups, reps, () -> {
            Semaphore window = new Semaphore(WINDOW);
            CountDownLatch done = new CountDownLatch(events);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                window.acquire();
                int value = i;
                executor.submitToMember(new WorkTask(false, i), cluster.worker, new ExecutionCallback<Long>() {
                    @Override
                    public void onResponse(Long response) {
                        if (response != value + 1) {
                            failure.compareAndSet(null, new IllegalStateException("bad answer " + response));
                        }
                        window.release();
                        done.countDown();
                    }

                    @Override
                    public void onFailure(Throwable t) {
                        failure.compareAndSet(null, t);
                        window.release();
                        done.countDown();
                    }
                });
            }
            if (!done.await(10, TimeUnit.MINUTES) || failure.get() != null) {
                throw new IllegalStateException("Hazelcast run failed", failure.get());
            }
            return events / ((System.nanoTime() - start) / 1e9);
        });
    }

    /** One task at a time, {@code submitToMember(...).get()}. */
    public Stats.Latency latency(int warmup, int runs, int perRun) throws Exception {
        return Stats.latency(warmup, runs, perRun, i -> {
            if (executor.submitToMember(new WorkTask(false, i), cluster.worker).get() != i + 1) {
                throw new IllegalStateException("bad answer at " + i);
            }
            return 0;
        });
    }

    /** Milliseconds to the first task's answer on the running cluster (a fresh executor proxy). */
    public double firstResult() throws Exception {
        long start = System.nanoTime();
        IExecutorService fresh = cluster.parent.getExecutorService(EXECUTOR + "-" + System.nanoTime());
        fresh.submitToMember(new WorkTask(false, 1), cluster.worker).get();
        double millis = (System.nanoTime() - start) / 1e6;
        fresh.shutdown();
        return millis;
    }

    /** Timed runs of {@code events} spin tasks, two in flight (two caller threads) ({@link CpuRuns}). */
    public CpuRuns cpuRuns(int events, long iterations, int runs) throws Exception {
        SharedWork.Caller caller = i -> executor.submitToMember(new WorkTask(true, iterations), cluster.worker).get();
        return CpuRuns.time(runs, List.of(), () -> SharedWork.wallSeconds("Hazelcast CPU run", List.of(caller, caller), events));
    }
}
