package io.github.mpeventloop.hazelcast;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mpeventloop.Backend;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventLoopBuilder;
import io.github.mpeventloop.ResultHandler;

/**
 * Throughput and latency of the Hazelcast backend on loopback next to local process workers, in
 * one run: one and three workers (child JVMs of one host agent, or of this JVM), trivial events to
 * an output handler. Not a test; run it with the module's test class path:
 * {@code ./mvnw -B -q -pl mp-event-loop-hazelcast -am test-compile} and then
 * {@code java -cp <test class path> io.github.mpeventloop.hazelcast.LoopbackFigures [events] [round trips]}.
 */
public final class LoopbackFigures {

    private LoopbackFigures() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int roundTrips = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        System.out.println("| workers | events/s | p50 round trip (µs) | p99 round trip (µs) |");
        System.out.println("|---|---|---|---|");
        try (TestCluster cluster = new TestCluster(1)) {
            for (int workers : new int[] {1, 3}) {
                report("hazelcast agent, " + workers + " remote worker(s)", EventLoop.builder().name("hz-figures")
                        .workers(workers).workerLauncher(HazelcastWorkerLauncher.on(cluster.parent)), events, roundTrips);
                report("process, " + workers + " local worker(s)", EventLoop.builder().name("local-figures")
                        .workers(workers).backend(Backend.PROCESS), events, roundTrips);
            }
        }
        System.exit(0);
    }

    private static void report(String what, EventLoopBuilder builder, int events, int roundTrips)
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
            for (int round = 0; round < 3; round++) {
                handled.set(0);
                expected[0] = events;
                done[0] = new CountDownLatch(1);
                long start = System.nanoTime();
                for (int i = 0; i < events; i++) {
                    loop.addEvent(Tasks::square, (long) i);
                }
                done[0].await();
                throughput = events / ((System.nanoTime() - start) / 1e9);
            }
            long[] micros = new long[roundTrips];
            for (int i = 0; i < roundTrips * 2; i++) {
                long start = System.nanoTime();
                loop.addEvent(Tasks::square, (long) i).join();
                if (i >= roundTrips) {
                    micros[i - roundTrips] = (System.nanoTime() - start) / 1000;
                }
            }
            Arrays.sort(micros);
            System.out.printf("| %s | %,.0f | %d | %d |%n", what, throughput, micros[roundTrips / 2],
                    micros[roundTrips * 99 / 100]);
        }
    }
}
