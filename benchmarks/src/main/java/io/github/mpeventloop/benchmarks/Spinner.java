package io.github.mpeventloop.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

/**
 * Child JVM of the capacity probe: warms up, prints {@code ready}, waits for a line on standard
 * input, spins for the given number of wall-clock milliseconds and prints the CPU nanoseconds its
 * thread got meanwhile. Two of them at once tell how much CPU two busy processes obtain on this
 * machine right now.
 */
public final class Spinner {

    private Spinner() {
    }

    public static void main(String[] args) throws Exception {
        long millis = Long.parseLong(args[0]);
        Work.spin(10_000_000);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long end = System.nanoTime() + millis * 1_000_000L;
        long sink = 0;
        while (System.nanoTime() < end) {
            sink += Work.spin(10_000);
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        System.out.println("cpu " + cpu + " " + (sink == 42 ? "!" : ""));
        System.out.flush();
    }
}
