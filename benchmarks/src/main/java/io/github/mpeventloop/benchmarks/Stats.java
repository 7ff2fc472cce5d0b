package io.github.mpeventloop.benchmarks;

import java.util.Arrays;

/** Medians and percentiles of measured samples. */
public final class Stats {

    private Stats() {
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Nearest-rank quantile ({@code 0.5}, {@code 0.99}) of nanosecond samples, in microseconds. */
    public static double micros(long[] nanos, double quantile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }

    /** A measurement that may throw. */
    @FunctionalInterface
    public interface Measurement {
        double run() throws Exception;
    }

    /**
     * Runs {@code warmups} unmeasured repetitions, then {@code reps} measured ones: their median, and
     * the CPU time this JVM and its child JVMs used per measured one.
     */
    public static Median median(int warmups, int reps, Measurement measurement) throws Exception {
        for (int i = 0; i < warmups; i++) {
            measurement.run();
        }
        double[] values = new double[reps];
        long cpuBefore = LoadMeter.ownCpuTicks();
        for (int i = 0; i < reps; i++) {
            values[i] = measurement.run();
        }
        double cpuSecondsPerRun = (LoadMeter.ownCpuTicks() - cpuBefore) / (double) LoadMeter.TICKS_PER_SECOND / reps;
        return new Median(median(values), cpuSecondsPerRun);
    }

    /**
     * The median of measured runs, and the CPU seconds per run that this JVM and its children used
     * meanwhile: what a run costs the machine, which other load on the machine changes far less than
     * it changes the run's speed.
     */
    public record Median(double value, double cpuSecondsPerRun) {

        /** CPU µs per event, for runs of {@code eventsPerRun} events. */
        public double cpuMicrosPerEvent(int eventsPerRun) {
            return cpuSecondsPerRun * 1e6 / eventsPerRun;
        }
    }

    /** Latency of one kind of round trip: p50 and p99 in µs, each the median over runs. */
    public record Latency(double p50, double p99) {
    }

    /**
     * A round trip that may throw; it returns the {@link System#nanoTime()} at which its answer was
     * seen where the answer arrives (an output handler, a stream observer), or 0 when it is seen by
     * the calling thread, so that a hand-off back to the measuring thread is not counted.
     */
    @FunctionalInterface
    public interface RoundTrip {
        long run(int i) throws Exception;
    }

    /**
     * {@code warmup} round trips, then {@code runs} runs of {@code perRun} timed ones; p50 and p99
     * of each run, and the median of those over the runs (as the yardstick reports latency).
     */
    public static Latency latency(int warmup, int runs, int perRun, RoundTrip roundTrip) throws Exception {
        for (int i = 0; i < warmup; i++) {
            roundTrip.run(i);
        }
        double[] p50 = new double[runs];
        double[] p99 = new double[runs];
        long[] samples = new long[perRun];
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < perRun; i++) {
                long start = System.nanoTime();
                long answered = roundTrip.run(i);
                samples[i] = (answered != 0 ? answered : System.nanoTime()) - start;
            }
            p50[r] = micros(samples, 0.50);
            p99[r] = micros(samples, 0.99);
        }
        return new Latency(median(p50), median(p99));
    }
}
