package io.github.mpeventloop.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The harness's command line. Sizes default to a full run; {@code --quick} makes them tiny (the
 * CI smoke test). {@code --only} picks sections, {@code --subjects} the local subjects.
 *
 * @param events trivial events per throughput run of the loop and the gRPC stream (the yardstick's
 *        1,000,000, so that both reach the same steady state); gRPC unary runs a fifth of them
 * @param warmups unmeasured throughput runs of the loop and of gRPC before the measured ones (the
 *        yardstick's 3: the loop's code is compiled by C2 for seconds before it runs at its speed)
 * @param reps measured throughput runs of the loop and of gRPC
 * @param echoMessages events per echo throughput run (the yardstick's codec section: 1,000,000)
 * @param echoWarmups echo warm-up runs (yardstick: 3)
 * @param echoRuns measured echo runs (yardstick: 7)
 * @param latencyWarmup round trips before the timed ones
 * @param latencyRuns timed runs; p50 and p99 are medians over them
 * @param latencyPerRun round trips per timed run
 * @param startups fresh starts per subject, median reported
 * @param cpuEvents CPU-bound events per run
 * @param cpuRuns timed CPU-bound runs per subject; the later half's median is reported ({@link CpuRuns})
 * @param cpuMs milliseconds of one CPU-bound event in this JVM
 * @param capacityMs length of the capacity probe
 * @param heapEvents events queued for the heap-per-event figure
 * @param hzEvents trivial events per Hazelcast throughput run
 * @param hzWarmupEvents trivial events each Hazelcast loop runs once before its warm-up runs
 * @param hzLatency round trips per Hazelcast latency run (as many warm-up, 3 runs)
 * @param sections sections to run
 * @param subjects local subjects to run: loop, echo, grpc
 * @param workerOptions JVM options of every child JVM but the capacity probe's
 * @param quick whether the sizes are the smoke test's
 * @param output file to write the report to as well, or null
 */
public record Options(int events, int warmups, int reps, int echoMessages, int echoWarmups, int echoRuns, int latencyWarmup,
        int latencyRuns, int latencyPerRun, int startups, int cpuEvents, int cpuRuns, double cpuMs, long capacityMs, int heapEvents,
        int hzEvents, int hzWarmupEvents, int hzLatency, Set<String> sections, Set<String> subjects, List<String> workerOptions,
        boolean quick, String output) {

    /** Every section, in the order they run. */
    public static final List<String> SECTIONS = List.of("throughput", "latency", "startup", "cpu", "memory", "smile",
            "distributed");
    /** Every local subject. */
    public static final List<String> SUBJECTS = List.of("loop", "echo", "grpc");

    public static Options parse(String... args) {
        int events = 1_000_000;
        int warmups = 3;
        int reps = 5;
        int echoMessages = 1_000_000;
        int echoWarmups = 3;
        int echoRuns = 7;
        int latencyWarmup = 20_000;
        int latencyRuns = 5;
        int latencyPerRun = 100_000;
        int startups = 10;
        int cpuEvents = 200;
        int cpuRuns = 10;
        double cpuMs = 20;
        long capacityMs = 2_000;
        int heapEvents = 100_000;
        int hzEvents = 50_000;
        int hzWarmupEvents = 3_000_000;
        int hzLatency = 5_000;
        Set<String> sections = new LinkedHashSet<>(SECTIONS);
        Set<String> subjects = new LinkedHashSet<>(SUBJECTS);
        List<String> workerOptions = new ArrayList<>();
        boolean quick = false;
        String output = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick", "quick" -> {
                    quick = true;
                    events = 1_000;
                    warmups = 1;
                    reps = 1;
                    echoMessages = 5_000;
                    echoWarmups = 1;
                    echoRuns = 1;
                    latencyWarmup = 200;
                    latencyRuns = 1;
                    latencyPerRun = 200;
                    startups = 1;
                    cpuEvents = 4;
                    cpuRuns = 2;
                    cpuMs = 5;
                    capacityMs = 200;
                    heapEvents = 2_000;
                    hzEvents = 500;
                    hzWarmupEvents = 0;
                    hzLatency = 50;
                }
                case "--events" -> events = Integer.parseInt(args[++i]);
                case "--warmups" -> warmups = Integer.parseInt(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--echo-messages" -> echoMessages = Integer.parseInt(args[++i]);
                case "--echo-warmups" -> echoWarmups = Integer.parseInt(args[++i]);
                case "--echo-runs" -> echoRuns = Integer.parseInt(args[++i]);
                case "--latency-warmup" -> latencyWarmup = Integer.parseInt(args[++i]);
                case "--latency-runs" -> latencyRuns = Integer.parseInt(args[++i]);
                case "--latency" -> latencyPerRun = Integer.parseInt(args[++i]);
                case "--startups" -> startups = Integer.parseInt(args[++i]);
                case "--cpu-events" -> cpuEvents = Integer.parseInt(args[++i]);
                case "--cpu-runs" -> cpuRuns = Integer.parseInt(args[++i]);
                case "--cpu-ms" -> cpuMs = Double.parseDouble(args[++i]);
                case "--capacity-ms" -> capacityMs = Long.parseLong(args[++i]);
                case "--heap-events" -> heapEvents = Integer.parseInt(args[++i]);
                case "--hz-events" -> hzEvents = Integer.parseInt(args[++i]);
                case "--hz-warmup-events" -> hzWarmupEvents = Integer.parseInt(args[++i]);
                case "--hz-latency" -> hzLatency = Integer.parseInt(args[++i]);
                case "--only" -> sections = checked(args[++i], SECTIONS);
                case "--subjects" -> subjects = checked(args[++i], SUBJECTS);
                case "--worker-opts" -> workerOptions.addAll(List.of(args[++i].trim().split("\\s+")));
                case "--out" -> output = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + arg
                        + "; see docs/performance.md for the harness's options");
            }
        }
        workerOptions.removeIf(String::isEmpty);
        return new Options(events, warmups, reps, echoMessages, echoWarmups, echoRuns, latencyWarmup, latencyRuns, latencyPerRun,
                startups, cpuEvents, cpuRuns, cpuMs, capacityMs, heapEvents, hzEvents, hzWarmupEvents, hzLatency, sections, subjects,
                List.copyOf(workerOptions), quick, output);
    }

    private static Set<String> checked(String list, List<String> known) {
        Set<String> picked = new LinkedHashSet<>(List.of(list.split(",")));
        for (String name : picked) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown name " + name + "; known: " + String.join(",", known));
            }
        }
        return picked;
    }

    public boolean on(String section) {
        return sections.contains(section);
    }

    public boolean with(String subject) {
        return subjects.contains(subject);
    }
}
