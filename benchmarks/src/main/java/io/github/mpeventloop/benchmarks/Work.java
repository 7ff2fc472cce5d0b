package io.github.mpeventloop.benchmarks;

/** The targets every benchmark runs: a trivial one and a calibrated busy loop. */
public final class Work {

    private Work() {
    }

    /** The trivial event: add one to an int. */
    public static int plusOne(int value) {
        return value + 1;
    }

    /**
     * A CPU-bound event: {@code iterations} steps of a xorshift generator, whose last state is
     * returned so that the JIT cannot drop the loop.
     */
    public static long spin(long iterations) {
        long x = 0x9E3779B97F4A7C15L ^ iterations;
        for (long i = 0; i < iterations; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /** Iterations of {@link #spin(long)} that take about {@code millis} in this JVM once compiled. */
    public static long calibrate(double millis) {
        long iterations = 1_000_000;
        // warm-up: get spin compiled
        for (int i = 0; i < 20; i++) {
            spin(iterations);
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            spin(iterations * 10);
            double perIteration = (System.nanoTime() - start) / (iterations * 10.0);
            best = Math.min(best, perIteration);
        }
        return Math.max(1, (long) (millis * 1e6 / best));
    }
}
