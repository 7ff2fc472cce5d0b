package io.github.mpeventloop.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.mpeventloop.Backend;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.benchmarks.echo.EchoBench;
import io.github.mpeventloop.benchmarks.echo.EchoCodec;
import io.github.mpeventloop.benchmarks.grpc.GrpcBench;
import io.github.mpeventloop.benchmarks.hazelcast.Cluster;
import io.github.mpeventloop.benchmarks.hazelcast.HazelcastBench;
import io.github.mpeventloop.hazelcast.HazelcastWorkerLauncher;

/**
 * The side-by-side harness: in one run, the event loop (process workers), the yardstick echo (a
 * Jackson JSON echo over a Unix-domain socket to child JVMs that batches its writes and flushes
 * only before it would block, {@code echo} package), and the peers a user would otherwise pick
 * or write: grpc-java to child JVMs (unary and streaming, {@code grpc} package) and, for the
 * distributed backend, Hazelcast's own {@code IExecutorService} ({@code hazelcast} package).
 * Prints Markdown tables in which every loop figure is also a ratio to the echo and the peers,
 * the Smile-vs-JSON echo, and the machine's foreign load during each section.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.mpeventloop.benchmarks.SideBySide [--quick] [--out FILE] ...
 * </pre>
 *
 * Child JVMs run on this JVM's {@code java.class.path}: run it with {@code java -cp}, not inside
 * Maven's JVM. Options: {@link Options}.
 */
public final class SideBySide {

    static final String LOOP = "loop";
    static final String ECHO = "echo";
    static final String UNARY = "gRPC unary";
    static final String STREAM = "gRPC stream";
    static final String JSON = "JSON echo";
    static final String SMILE = "Smile echo";
    static final String HZ_LOOP = "loop (Hazelcast backend)";
    static final String HZ_DIRECT = "IExecutorService";

    static final String TPUT_1 = "trivial events/s, 1 worker";
    static final String TPUT_2 = "trivial events/s, 2 workers";
    static final String CPU_PER_EVENT_1 = "CPU per trivial event, 1 worker (all JVMs)";
    static final String CPU_PER_EVENT_2 = "CPU per trivial event, 2 workers (all JVMs)";
    static final String P50 = "latency p50, one event at a time";
    static final String P99 = "latency p99, one event at a time";
    static final String START = "start-up to first result (median)";
    static final String CPU_1 = "CPU-bound wall, 1 worker";
    static final String CPU_2 = "CPU-bound wall, 2 workers";
    static final String SPEED_SERIAL = "CPU speed-up, 2 workers vs serial in-process";
    static final String SPEED_ONE = "CPU speed-up, 2 workers vs 1 worker";
    static final String SPEED_CAPACITY = "CPU speed-up (vs serial) ÷ machine capacity";
    static final String RSS = "idle worker RSS";
    static final String HEAP = "parent heap per queued event";
    static final String FIRST = "first result on a running cluster";

    private final Options options;
    private final Table local = localTable();
    private final Table smile = new Table("Codec: the echo in JSON and in Smile")
            .column(JSON).column(SMILE).ratio(SMILE, JSON)
            .row(TPUT_1, "events/s", "%,.0f").row(TPUT_2, "events/s", "%,.0f").row(P50, "µs", "%.1f")
            .row(P99, "µs", "%.1f");
    private final Table distributed = new Table("Distributed: one Hazelcast worker member on loopback")
            .column(HZ_LOOP).column(HZ_DIRECT).ratio(HZ_LOOP, HZ_DIRECT)
            .row(TPUT_1, "events/s", "%,.0f").row(TPUT_2, "events/s", "%,.0f").row(P50, "µs", "%.1f")
            .row(P99, "µs", "%.1f").row(FIRST, "ms", "%.1f").row(SPEED_SERIAL, "×", "%.2f").row(RSS, "MiB", "%.1f");
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Double> cpuWalls = new HashMap<>();
    private final Path socketDirectory;
    private final EchoBench echo;
    private final GrpcBench grpc;
    private final LoopBench loop;
    private long spinIterations;
    private double serialSeconds = Double.NaN;

    private SideBySide(Options options) throws IOException {
        this.options = options;
        socketDirectory = Files.createTempDirectory("mpel-bench",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        echo = new EchoBench(socketDirectory, options.workerOptions());
        grpc = new GrpcBench(socketDirectory, options.workerOptions());
        loop = new LoopBench(workers -> EventLoop.builder().name("bench").backend(Backend.PROCESS).workers(workers)
                .jvmOptions(options.workerOptions().toArray(String[]::new)));
    }

    private static Table localTable() {
        return new Table("Local workers: the loop, the echo and gRPC")
                .column(LOOP).column(ECHO).ratio(LOOP, ECHO).column(UNARY).column(STREAM).ratio(LOOP, STREAM)
                .row(TPUT_1, "events/s", "%,.0f").row(TPUT_2, "events/s", "%,.0f")
                .row(CPU_PER_EVENT_1, "µs", "%.2f").row(CPU_PER_EVENT_2, "µs", "%.2f").row(P50, "µs", "%.1f")
                .row(P99, "µs", "%.1f").row(START, "ms", "%.1f").row(CPU_1, "s", "%.2f").row(CPU_2, "s", "%.2f")
                .row(SPEED_SERIAL, "×", "%.2f").row(SPEED_ONE, "×", "%.2f").row(SPEED_CAPACITY, "", "%.2f")
                .row(RSS, "MiB", "%.1f").row(HEAP, "bytes", "%.0f");
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String report = new SideBySide(options).measure();
        System.out.println(report);
        if (options.output() != null) {
            Files.writeString(Path.of(options.output()), report);
        }
        System.exit(0);
    }

    /** Runs the harness with these arguments and returns the report. */
    public static String run(String... args) throws Exception {
        return new SideBySide(Options.parse(args)).measure();
    }

    /** The tables' row names, for the smoke test. */
    static List<String> localMeasures() {
        return localTable().measures();
    }

    private String measure() throws Exception {
        LoadMeter.Snapshot start = LoadMeter.take();
        long started = System.nanoTime();
        try (echo; grpc; loop) {
            section("throughput", this::throughput);
            section("latency", this::latency);
            section("startup", this::startup);
            section("cpu", this::cpu);
            section("memory", this::memory);
            section("smile", this::smile);
            section("distributed", this::distributed);
        } finally {
            try (var files = Files.list(socketDirectory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(socketDirectory);
        }
        String whole = LoadMeter.describe(start, LoadMeter.take());
        return format(String.format(Locale.ROOT, "whole run %.0f s; %s", (System.nanoTime() - started) / 1e9, whole));
    }

    @FunctionalInterface
    private interface Section {
        void run() throws Exception;
    }

    private void section(String name, Section section) throws Exception {
        if (!options.on(name)) {
            return;
        }
        LoadMeter.Snapshot before = LoadMeter.take();
        long started = System.nanoTime();
        section.run();
        notes.add(String.format(Locale.ROOT, "%s section, %.0f s: %s", name, (System.nanoTime() - started) / 1e9,
                LoadMeter.describe(before, LoadMeter.take())));
    }

    private static void progress(String what) {
        System.err.println("[side-by-side] " + what);
    }

    // ---------------------------------------------------------------- local sections

    private void throughput() throws Exception {
        int n = options.events();
        for (int workers = 1; workers <= 2; workers++) {
            String row = workers == 1 ? TPUT_1 : TPUT_2;
            String cpuRow = workers == 1 ? CPU_PER_EVENT_1 : CPU_PER_EVENT_2;
            if (options.with(LOOP)) {
                progress("throughput, loop, " + workers + " worker(s), " + n + " events x " + options.reps() + " + "
                        + options.warmups() + " warm-up");
                Stats.Median measured = loop.throughput(workers, n, options.warmups(), options.reps());
                local.put(row, LOOP, measured.value());
                local.put(cpuRow, LOOP, measured.cpuMicrosPerEvent(n));
            }
            if (options.with(ECHO)) {
                progress("throughput, echo, " + workers + " child(ren), " + options.echoMessages() + " events x "
                        + options.echoRuns() + " + " + options.echoWarmups() + " warm-up");
                Stats.Median measured = echo.throughput(EchoCodec.Format.JSON, workers, options.echoMessages(),
                        options.echoWarmups(), options.echoRuns());
                local.put(row, ECHO, measured.value());
                local.put(cpuRow, ECHO, measured.cpuMicrosPerEvent(options.echoMessages()));
            }
            if (options.with("grpc") && (workers == 1 || !options.quick())) {
                progress("throughput, gRPC unary and stream, " + workers + " child(ren), " + unaryEvents() + " and " + n
                        + " events");
                local.put(row, UNARY, grpc.unaryThroughput(workers, unaryEvents(), options.warmups(), options.reps()).value());
                Stats.Median stream = grpc.streamThroughput(workers, n, options.warmups(), options.reps());
                local.put(row, STREAM, stream.value());
                local.put(cpuRow, STREAM, stream.cpuMicrosPerEvent(n));
            }
        }
    }

    /** gRPC unary is about five times slower than the others: a fifth of the events keeps its runs as long. */
    private int unaryEvents() {
        return Math.max(1, options.events() / 5);
    }

    private void latency() throws Exception {
        int warmup = options.latencyWarmup();
        int runs = options.latencyRuns();
        int perRun = options.latencyPerRun();
        progress("latency: " + warmup + " warm-up, then " + runs + " x " + perRun + " round trips each");
        if (options.with(LOOP)) {
            putLatency(local, LOOP, loop.latency(warmup, runs, perRun));
        }
        if (options.with(ECHO)) {
            putLatency(local, ECHO, echo.latency(EchoCodec.Format.JSON, warmup, runs, perRun));
        }
        if (options.with("grpc")) {
            putLatency(local, UNARY, grpc.unaryLatency(warmup, runs, perRun));
            putLatency(local, STREAM, grpc.streamLatency(warmup, runs, perRun));
        }
    }

    private static void putLatency(Table table, String column, Stats.Latency latency) {
        table.put(P50, column, latency.p50());
        table.put(P99, column, latency.p99());
    }

    private void startup() throws Exception {
        int k = options.startups();
        progress("start-up, " + k + " fresh starts each");
        if (options.with(LOOP)) {
            noteMissingArchive();
            double loopMillis = loop.startup(k);
            local.put(START, LOOP, loopMillis);
            double emptyMillis = Stats.median(0, k, () -> ChildJvm.emptyRunMillis(options.workerOptions())).value();
            notes.add(String.format(Locale.ROOT, "start-up: an empty JVM (this java, the worker options and this class"
                    + " path, a main that returns), launch to exit, median of %d: %.1f ms; the loop's start-up is %.2f"
                    + " times that", k, emptyMillis, loopMillis / emptyMillis));
        }
        if (options.with(ECHO)) {
            local.put(START, ECHO, Stats.median(0, k, echo::startup).value());
        }
        if (options.with("grpc")) {
            local.put(START, UNARY, Stats.median(0, k, grpc::startup).value());
        }
    }

    /** Says in the notes, once, when the loop's fresh workers cannot start from a start-up archive. */
    private void noteMissingArchive() throws Exception {
        String note = "start-up and RSS: the loop's workers started without a start-up archive (none for this"
                + " class path, or it did not appear within a minute)";
        if (!loop.awaitArchive() && !notes.contains(note)) {
            notes.add(note);
        }
    }

    private long spinIterations() {
        if (spinIterations == 0) {
            spinIterations = Work.calibrate(options.cpuMs());
            long start = System.nanoTime();
            long sink = 0;
            for (int i = 0; i < options.cpuEvents(); i++) {
                sink += Work.spin(spinIterations);
            }
            serialSeconds = (System.nanoTime() - start) / 1e9;
            notes.add(String.format(Locale.ROOT, "CPU: serial in-process %.2f s for %d events of %.1f ms (%d iterations)%s",
                    serialSeconds, options.cpuEvents(), options.cpuMs(), spinIterations, sink == 42 ? "!" : ""));
        }
        return spinIterations;
    }

    private void cpu() throws Exception {
        int n = options.cpuEvents();
        progress("CPU: capacity probe (" + options.capacityMs() + " ms)");
        double capacityBefore = Capacity.measure(options.capacityMs());
        long iterations = spinIterations();
        progress("CPU: " + n + " events of " + options.cpuMs() + " ms on 1 and 2 workers / children, "
                + options.cpuRuns() + " timed runs each");
        int runs = options.cpuRuns();
        if (options.with(LOOP)) {
            double one = cpuRuns(LOOP + ", 1 worker", loop.cpuRuns(1, n, iterations, runs));
            double two = cpuRuns(LOOP, loop.cpuRuns(2, n, iterations, runs));
            local.put(CPU_1, LOOP, one);
            cpuWalls.put(LOOP, two);
            local.put(SPEED_ONE, LOOP, one / two);
        }
        if (options.with(ECHO)) {
            cpuWalls.put(ECHO, cpuRuns(ECHO, echo.cpuRuns(n, iterations, runs)));
        }
        if (options.with("grpc") && !options.quick()) {
            cpuWalls.put(UNARY, cpuRuns(UNARY, grpc.cpuRuns(n, iterations, runs)));
        }
        progress("CPU: capacity probe again (not in quick runs)");
        double capacityAfter = options.quick() ? capacityBefore : Capacity.measure(options.capacityMs());
        double capacity = (capacityBefore + capacityAfter) / 2;
        for (String column : List.of(LOOP, ECHO, UNARY)) {
            double wall = cpuWall(column);
            if (!Double.isNaN(wall)) {
                local.put(CPU_2, column, wall);
                local.put(SPEED_SERIAL, column, serialSeconds / wall);
                local.put(SPEED_CAPACITY, column, serialSeconds / wall / capacity);
            }
        }
        notes.add(String.format(Locale.ROOT, "machine capacity, two busy processes: %.2f before / %.2f after the CPU"
                + " section (CPU-s per wall-s; 2.00 is both cores)", capacityBefore, capacityAfter));
    }

    /** The steady wall of {@code runs}, every run's wall noted. */
    private double cpuRuns(String subject, CpuRuns runs) {
        notes.add(String.format(Locale.ROOT, "CPU-bound walls, %s, run by run (s): %s; reported: %.2f, the median of"
                + " the later half", subject, runs.describe(), runs.steady()));
        return runs.steady();
    }

    private double cpuWall(String column) {
        return cpuWalls.getOrDefault(column, Double.NaN);
    }

    private void memory() throws Exception {
        boolean fresh = !options.quick();
        progress("memory: RSS of a " + (fresh ? "fresh, idle" : "running") + " worker / child, heap per queued event");
        if (options.with(LOOP)) {
            if (fresh) {
                noteMissingArchive();
            }
            local.put(RSS, LOOP, loop.workerRss(fresh));
            local.put(HEAP, LOOP, LoopBench.heapPerQueuedEvent(options.heapEvents()));
        }
        if (options.with(ECHO)) {
            local.put(RSS, ECHO, echo.rss(fresh));
        }
        if (options.with("grpc")) {
            local.put(RSS, UNARY, grpc.rss(fresh));
        }
        if (!fresh) {
            notes.add("quick: RSS of the running workers and children, not of fresh idle ones");
        }
    }

    private void smile() throws Exception {
        if (options.quick()) {
            notes.add("quick: the Smile table's 2-children row, gRPC with 2 children and gRPC's CPU row are skipped"
                    + " (more child JVMs to start)");
        }
        for (EchoCodec.Format format : EchoCodec.Format.values()) {
            String column = format == EchoCodec.Format.JSON ? JSON : SMILE;
            progress("codec: echo in " + format.id());
            smile.put(TPUT_1, column, echo.throughput(format, 1, options.echoMessages(), options.echoWarmups(),
                    options.echoRuns()).value());
            if (!options.quick()) {
                smile.put(TPUT_2, column, echo.throughput(format, 2, options.echoMessages(), options.echoWarmups(),
                        options.echoRuns()).value());
            }
            Stats.Latency latency = echo.latency(format, options.latencyWarmup(), options.latencyRuns(),
                    options.latencyPerRun());
            smile.put(P50, column, latency.p50());
            smile.put(P99, column, latency.p99());
        }
    }

    // ---------------------------------------------------------------- distributed

    private void distributed() throws Exception {
        if (options.quick()) {
            String reason = "quick: the distributed section is skipped: a Hazelcast member JVM takes several seconds"
                    + " of CPU to start and join (run it with --only distributed)";
            progress(reason);
            notes.add(reason);
            return;
        }
        progress("distributed: starting a Hazelcast worker member on loopback");
        try (Cluster cluster = new Cluster(options.workerOptions())) {
            notes.add(String.format(Locale.ROOT, "Hazelcast worker member JVM joined %.0f ms after it was started",
                    cluster.joinMillis()));
            try (LoopBench remote = new LoopBench(workers -> EventLoop.builder().name("bench-hz").workers(workers)
                    .workerLauncher(HazelcastWorkerLauncher.on(cluster.parent())))) {
                distributed(cluster, remote);
            }
        }
    }

    /**
     * At most this many events per throughput run of the direct {@code IExecutorService} peer: it
     * runs at about 2,000 events/s on two processors (Hazelcast starts a thread per callback there),
     * so the loop's sizes would keep it busy for many minutes.
     */
    private static final int DIRECT_EVENTS = 20_000;

    private void distributed(Cluster cluster, LoopBench remote) throws Exception {
        HazelcastBench direct = new HazelcastBench(cluster);
        int n = options.hzEvents();
        int rt = options.hzLatency();
        int runs = options.quick() ? 1 : 3;
        int warmups = options.warmups();
        for (int workers = 1; workers <= 2 && options.hzWarmupEvents() > 0; workers++) {
            progress("distributed: " + workers + " remote worker(s) warming up on " + options.hzWarmupEvents() + " events");
            remote.throughput(workers, options.hzWarmupEvents(), 0, 1);
        }
        if (options.hzWarmupEvents() > 0) {
            notes.add(String.format(Locale.ROOT, "distributed: each Hazelcast loop ran %,d trivial events before its"
                    + " warm-up runs: the code that runs once per piece of bytes (Hazelcast's invocations, serialization,"
                    + " the agent's relay) runs a few hundred times less often than per-event code and is compiled"
                    + " only after millions of events", options.hzWarmupEvents()));
        }
        progress("distributed: throughput, " + n + " events x " + runs + " + " + warmups + " warm-up");
        distributed.put(TPUT_1, HZ_LOOP, remote.throughput(1, n, warmups, runs).value());
        distributed.put(TPUT_2, HZ_LOOP, remote.throughput(2, n, warmups, runs).value());
        distributed.put(TPUT_1, HZ_DIRECT, direct.throughput(Math.min(n, DIRECT_EVENTS), 1, runs).value());
        progress("distributed: latency, " + rt + " warm-up, " + runs + " x " + rt);
        putLatency(distributed, HZ_LOOP, remote.latency(rt, runs, rt));
        putLatency(distributed, HZ_DIRECT, direct.latency(rt, runs, rt));
        distributed.put(FIRST, HZ_LOOP, remote.startup(Math.max(1, options.startups() / 2)));
        distributed.put(FIRST, HZ_DIRECT, direct.firstResult());
        progress("distributed: CPU, " + options.cpuEvents() + " events, 2 in flight");
        long iterations = spinIterations();
        distributed.put(SPEED_SERIAL, HZ_LOOP, serialSeconds
                / cpuRuns(HZ_LOOP, remote.cpuRuns(2, options.cpuEvents(), iterations, options.cpuRuns())));
        distributed.put(SPEED_SERIAL, HZ_DIRECT, serialSeconds
                / cpuRuns(HZ_DIRECT, direct.cpuRuns(options.cpuEvents(), iterations, options.cpuRuns())));
        Thread.sleep(1000);
        double rss = ChildJvm.rssMiB(cluster.memberPid());
        distributed.put(RSS, HZ_LOOP, rss);
        distributed.put(RSS, HZ_DIRECT, rss);
    }

    // ---------------------------------------------------------------- output

    private String format(String whole) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "mp-event-loop side by side: %d CPUs, %s %s%s%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), options.quick() ? ", QUICK sizes (smoke test: no figure"
                        + " here means anything)" : ""));
        out.append(String.format(Locale.ROOT, "Echo used: the in-harness JSON echo (benchmarks module, package"
                + " `echo`): Jackson 3 JSON event `{id,target,args}` → `{id,value}` over a Unix-domain socket to child"
                + " JVMs, writes batched and flushed only before the reader would block (the technique of the"
                + " yardstick `bench/limit`); throughput %,d events × %d runs after %d warm-up runs, a writer and a"
                + " reader thread per child.%n%n", options.echoMessages(), options.echoRuns(), options.echoWarmups()));
        out.append(String.format(Locale.ROOT, "Sizes: loop and gRPC stream %,d events (gRPC unary %,d) × %d runs after"
                + " %d warm-up runs; latency %,d"
                + " warm-up then %d × %,d round trips (p50/p99 are medians over the runs); start-ups %d; CPU %d events"
                + " × %.1f ms; Hazelcast %,d events, %,d round trips; worker options %s.%n%n", options.events(),
                unaryEvents(), options.reps(), options.warmups(), options.latencyWarmup(), options.latencyRuns(), options.latencyPerRun(),
                options.startups(), options.cpuEvents(), options.cpuMs(), options.hzEvents(), options.hzLatency(),
                options.workerOptions().isEmpty() ? "(none)" : String.join(" ", options.workerOptions())));
        out.append("Load: ").append(whole).append("\n\n");
        for (Table table : List.of(local, smile, distributed)) {
            if (!table.isEmpty()) {
                out.append(table.markdown()).append('\n');
            }
        }
        for (String note : notes) {
            out.append("- ").append(note).append('\n');
        }
        return out.toString();
    }
}
