package io.github.mpeventloop.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The walls of repeated timed runs of one CPU-bound workload, and its steady figure: the median of
 * the later half of the runs. Every subject's CPU-bound rows are timed this way, the same count of
 * runs each. Run after run of 200 events of 20 ms, the JIT compilers of the parent and of both
 * workers still compile code for the new pattern of events (C2 recompiles what it compiled for
 * trivial events once the long ones take other branches, and methods run a few times per event
 * reach its thresholds only after a few runs); their threads then take the cores the spins need. In
 * 2026-12-01's probes the loop's speed-up over serial went from 1.50–1.80 in the first six runs to
 * 1.85–1.99 in runs seven to twelve. The first timed run measured a warm-up, not the steady state.
 *
 * @param walls wall seconds of each timed run, in order
 */
public record CpuRuns(List<Double> walls) {

    /** One timed run: its wall seconds. */
    @FunctionalInterface
    public interface Run {
        double wallSeconds() throws Exception;
    }

    public CpuRuns {
        walls = List.copyOf(walls);
        if (walls.isEmpty()) {
            throw new IllegalArgumentException("no CPU-bound run");
        }
    }

    /** Times {@code run} {@code runs} times, waiting before each until the JIT compilers of {@code pids} are idle. */
    public static CpuRuns time(int runs, List<Long> pids, Run run) throws Exception {
        List<Double> walls = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ChildJvm.awaitCompilersIdle(pids);
            walls.add(run.wallSeconds());
        }
        return new CpuRuns(walls);
    }

    /** The median wall of the later half of the runs (the last run when there is only one). */
    public double steady() {
        List<Double> later = new ArrayList<>(walls.subList(walls.size() / 2, walls.size()));
        later.sort(null);
        int middle = later.size() / 2;
        return later.size() % 2 == 1 ? later.get(middle) : (later.get(middle - 1) + later.get(middle)) / 2;
    }

    /** The walls, in order, in seconds. */
    public String describe() {
        return walls.stream().map(wall -> String.format(Locale.ROOT, "%.2f", wall)).collect(Collectors.joining(" "));
    }
}
