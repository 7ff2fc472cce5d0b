package io.github.mpeventloop.hazelcast;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.github.mpeventloop.Backend;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventLoopBuilder;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.WorkerInfo;

/**
 * Throughput and latency of the Hazelcast backend on loopback next to local process workers, in
 * one run: for each worker count, a loop whose workers are child JVMs of one host agent, then one
 * whose workers are child JVMs of this JVM, repeated (remote and local interleaved) so that a
 * loaded machine's drift hits both alike; trivial events to an output handler. Besides events per
 * second it reports the CPU time per event of this JVM, of the agent and of the workers, and the
 * load average. Not a test; run it with the module's test class path:
 * {@code ./mvnw -B -q -pl mp-event-loop-hazelcast -am test-compile} and then
 * {@code java -cp <test class path> io.github.mpeventloop.hazelcast.LoopbackFigures
 * [events] [round trips] [worker counts, such as 1,3] [repetitions]}.
 */
public final class LoopbackFigures {

    private static final int ROUNDS = 3;

    private LoopbackFigures() {
    }

    /** One measured loop: events/s of the last round, CPU µs per event, round trip p50/p99 in µs. */
    private record Figure(double eventsPerSecond, double parentCpu, double agentCpu, double workerCpu,
            double inFlight, long p50, long p99, double load) {
    }

    /** Samples the events in flight per worker every half millisecond while a round runs, for their mean. */
    private static final class InFlightSampler extends Thread {
        private final EventLoop loop;
        private volatile boolean running = true;
        private long samples;
        private long sum;

        private InFlightSampler(EventLoop loop) {
            super("in-flight-sampler");
            setDaemon(true);
            this.loop = loop;
        }

        static InFlightSampler start(EventLoop loop) {
            InFlightSampler sampler = new InFlightSampler(loop);
            sampler.start();
            return sampler;
        }

        @Override
        public void run() {
            while (running) {
                List<WorkerInfo> workers = loop.workers();
                for (WorkerInfo worker : workers) {
                    sum += worker.inFlight();
                }
                samples += workers.size();
                LockSupport.parkNanos(500_000);
            }
        }

        double finish() throws InterruptedException {
            running = false;
            join();
            return samples == 0 ? 0 : (double) sum / samples;
        }
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int roundTrips = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int[] counts = Arrays.stream((args.length > 2 ? args[2] : "1,3").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Map<String, List<Figure>> figures = new LinkedHashMap<>();
        try (TestCluster cluster = new TestCluster(1)) {
            long agentPid = cluster.members.get(0).pid();
            System.out.println("| run | workers | where | events/s | CPU µs/event: parent / agent / workers | in flight per worker (mean) | p50 / p99 round trip (µs) | load average |");
            System.out.println("|---|---|---|---:|---|---:|---|---:|");
            for (int run = 1; run <= repetitions; run++) {
                for (int workers : counts) {
                    measure(figures, run, workers, "remote", agentPid, EventLoop.builder().name("hz-figures")
                            .workers(workers).workerLauncher(HazelcastWorkerLauncher.on(cluster.parent)), events,
                            roundTrips);
                    measure(figures, run, workers, "local", agentPid, EventLoop.builder().name("local-figures")
                            .workers(workers).backend(Backend.PROCESS), events, roundTrips);
                }
            }
        }
        System.out.println();
        System.out.println("| workers | remote events/s (median) | local events/s (median) | remote ÷ local (median of runs) | runs |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int workers : counts) {
            List<Figure> remote = figures.get(workers + " remote");
            List<Figure> local = figures.get(workers + " local");
            double[] ratios = new double[remote.size()];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = remote.get(i).eventsPerSecond() / local.get(i).eventsPerSecond();
            }
            System.out.printf(Locale.ROOT, "| %d | %,.0f | %,.0f | %.2f | %d |%n", workers,
                    median(remote.stream().mapToDouble(Figure::eventsPerSecond).toArray()),
                    median(local.stream().mapToDouble(Figure::eventsPerSecond).toArray()), median(ratios),
                    ratios.length);
        }
        System.exit(0);
    }

    private static void measure(Map<String, List<Figure>> figures, int run, int workers, String where, long agentPid,
            EventLoopBuilder builder, int events, int roundTrips) throws InterruptedException {
        Figure figure = measure(builder, agentPid, events, roundTrips);
        figures.computeIfAbsent(workers + " " + where, key -> new ArrayList<>()).add(figure);
        System.out.printf(Locale.ROOT, "| %d | %d | %s | %,.0f | %.1f / %.1f / %.1f | %.0f | %d / %d | %.1f |%n", run,
                workers, where, figure.eventsPerSecond(), figure.parentCpu(), figure.agentCpu(), figure.workerCpu(),
                figure.inFlight(), figure.p50(), figure.p99(), figure.load());
    }

    private static Figure measure(EventLoopBuilder builder, long agentPid, int events, int roundTrips)
            throws InterruptedException {
        AtomicInteger handled = new AtomicInteger();
        CountDownLatch[] done = {new CountDownLatch(1)};
        int[] expected = {0};
        try (EventLoop loop = builder.outputHandlers(ResultHandler.of(result -> {
            if (handled.incrementAndGet() == expected[0]) {
                done[0].countDown();
            }
        })).build().start()) {
            double throughput = 0;
            double inFlight = 0;
            long[] cpu = new long[3];
            for (int round = 0; round < ROUNDS; round++) {
                handled.set(0);
                expected[0] = events;
                done[0] = new CountDownLatch(1);
                long[] before = cpuNanos(loop, agentPid);
                long start = System.nanoTime();
                InFlightSampler sampler = InFlightSampler.start(loop);
                for (int i = 0; i < events; i++) {
                    loop.addEvent(Tasks::square, (long) i);
                }
                done[0].await();
                inFlight = sampler.finish();
                throughput = events / ((System.nanoTime() - start) / 1e9);
                long[] after = cpuNanos(loop, agentPid);
                for (int k = 0; k < cpu.length; k++) {
                    cpu[k] = after[k] - before[k];
                }
            }
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long[] micros = new long[roundTrips];
            for (int i = 0; i < roundTrips * 2; i++) {
                long start = System.nanoTime();
                loop.addEvent(Tasks::square, (long) i).join();
                if (i >= roundTrips) {
                    micros[i - roundTrips] = (System.nanoTime() - start) / 1000;
                }
            }
            Arrays.sort(micros);
            return new Figure(throughput, cpu[0] / 1e3 / events, cpu[1] / 1e3 / events, cpu[2] / 1e3 / events,
                    inFlight, micros[roundTrips / 2], micros[roundTrips * 99 / 100], load);
        }
    }

    /** CPU nanoseconds so far of this JVM, of the agent, and of the loop's workers together. */
    private static long[] cpuNanos(EventLoop loop, long agentPid) {
        long workers = 0;
        for (WorkerInfo worker : loop.workers()) {
            workers += cpuNanos(ProcessHandle.of(worker.pid()));
        }
        return new long[] {cpuNanos(Optional.of(ProcessHandle.current())), cpuNanos(ProcessHandle.of(agentPid)),
                workers};
    }

    private static long cpuNanos(Optional<ProcessHandle> process) {
        return process.flatMap(handle -> handle.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
