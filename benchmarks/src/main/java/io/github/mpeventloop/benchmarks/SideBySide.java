package io.github.mpeventloop.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.FrameWriter;
import io.github.mpeventloop.internal.wire.Frames;
import io.github.mpeventloop.internal.wire.WireMapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The side-by-side harness: the event loop with process workers next to an in-process
 * {@link ThreadPoolExecutor} (the upper bound of dispatch) and a raw echo over the same channel
 * (a Unix-domain socket to a child JVM, {@link EchoChild}) with the same codec (Jackson frames of
 * the {@code wire} package) and nothing of the loop around it. Prints one Markdown table; each
 * loop figure is also given as a ratio to the two references (loop ÷ reference).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.mpeventloop.benchmarks.SideBySide \
 *     [--events 200000] [--latency 20000] [--startups 10] [--cpu-events 200] [--cpu-ms 20] [--quick] ...
 * </pre>
 *
 * Workers and children run on this JVM's {@code java.class.path}: run it with {@code java -cp},
 * not inside Maven's JVM.
 */
public final class SideBySide {

    /** The rows of the table, in order; every run prints each of them. */
    public static final List<String> ROWS = List.of(
            "throughput, trivial events, 1 worker",
            "throughput, trivial events, 2 workers",
            "latency p50, one event at a time",
            "latency p99, one event at a time",
            "start-up to first result (median)",
            "CPU-bound wall, 1 worker",
            "CPU-bound wall, 2 workers",
            "CPU speed-up, 2 workers vs serial in-process",
            "CPU speed-up, 2 workers vs 1 worker",
            "machine capacity, two busy processes (before / after)",
            "CPU speed-up (vs serial) ÷ capacity",
            "idle worker RSS",
            "parent heap per queued event",
            "parent heap after GC, bounded queue, 25 % → 100 %");

    private final Options options;
    private final JsonMapper mapper = WireMapper.create();
    private final String classPath = System.getProperty("java.class.path");
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Path socketDir;

    private SideBySide(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run(args));
        System.exit(0);
    }

    /** Runs the harness with these arguments and returns the table (with its header and notes). */
    public static String run(String... args) throws Exception {
        return new SideBySide(Options.parse(args)).measure();
    }

    // ---------------------------------------------------------------- options

    record Options(int events, int latency, int startups, int cpuEvents, double cpuMs, int reps, int heapEvents,
            int boundedCapacity, long capacityMs, Set<String> sections, List<String> workerOptions) {

        static Options parse(String[] args) {
            int events = 200_000;
            int latency = 20_000;
            int startups = 10;
            int cpuEvents = 200;
            double cpuMs = 20;
            int reps = 3;
            int heapEvents = 100_000;
            int bounded = 1_000;
            long capacityMs = 2_000;
            Set<String> sections = new LinkedHashSet<>(List.of("throughput", "latency", "startup", "cpu", "memory"));
            List<String> workerOptions = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--quick", "quick" -> {
                        events = 5_000;
                        latency = 500;
                        startups = 2;
                        cpuEvents = 8;
                        cpuMs = 5;
                        reps = 1;
                        heapEvents = 5_000;
                        bounded = 100;
                        capacityMs = 300;
                    }
                    case "--events" -> events = Integer.parseInt(args[++i]);
                    case "--latency" -> latency = Integer.parseInt(args[++i]);
                    case "--startups" -> startups = Integer.parseInt(args[++i]);
                    case "--cpu-events" -> cpuEvents = Integer.parseInt(args[++i]);
                    case "--cpu-ms" -> cpuMs = Double.parseDouble(args[++i]);
                    case "--reps" -> reps = Integer.parseInt(args[++i]);
                    case "--heap-events" -> heapEvents = Integer.parseInt(args[++i]);
                    case "--bounded-capacity" -> bounded = Integer.parseInt(args[++i]);
                    case "--capacity-ms" -> capacityMs = Long.parseLong(args[++i]);
                    case "--only" -> sections = new LinkedHashSet<>(List.of(args[++i].split(",")));
                    case "--worker-opts" -> workerOptions.addAll(List.of(args[++i].trim().split("\\s+")));
                    default -> throw new IllegalArgumentException("unknown argument " + arg + "; see the class comment");
                }
            }
            workerOptions.removeIf(String::isEmpty);
            return new Options(events, latency, startups, cpuEvents, cpuMs, reps, heapEvents, bounded, capacityMs,
                    sections, List.copyOf(workerOptions));
        }
    }

    // ---------------------------------------------------------------- the run

    private String measure() throws Exception {
        socketDir = Files.createTempDirectory("mpel-bench");
        long started = System.nanoTime();
        try {
            if (on("throughput") || on("latency")) {
                throughputAndLatency();
            }
            if (on("startup")) {
                startup();
            }
            if (on("cpu")) {
                cpu();
            }
            if (on("memory")) {
                memory();
            }
        } finally {
            try (var files = Files.list(socketDir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(socketDir);
        }
        notes.add(String.format(Locale.ROOT, "whole run %.0f s", (System.nanoTime() - started) / 1e9));
        return format();
    }

    private boolean on(String section) {
        return options.sections().contains(section);
    }

    private static void progress(String what) {
        System.err.println("[side-by-side] " + what);
    }

    // ---------------------------------------------------------------- throughput and latency

    private void throughputAndLatency() throws Exception {
        int n = options.events();
        if (on("throughput")) {
            for (int workers = 1; workers <= 2; workers++) {
                progress("throughput, " + workers + " worker(s), " + n + " events x " + options.reps() + " + warm-up");
                Counter counter = new Counter();
                double loop;
                try (EventLoop eventLoop = newLoop(workers, counter.handler())) {
                    loop = median(options.reps(), () -> counter.time(n, i -> eventLoop.addEvent(Work::plusOne, i)));
                }
                int threads = workers;
                double pool = median(options.reps(), () -> poolThroughput(threads, n));
                double echo;
                List<EchoLink> links = startEcho(workers);
                try {
                    echo = median(options.reps(), () -> echoThroughput(links, n));
                } finally {
                    links.forEach(EchoLink::close);
                }
                rows.add(Row.of(ROWS.get(workers - 1), loop, pool, echo, "events/s", "%,.0f"));
            }
        }
        if (on("latency")) {
            progress("latency, loop, " + options.latency() + " round trips after as many warm-up");
            long[] loop = loopLatency();
            progress("latency, thread pool");
            long[] pool = poolLatency();
            progress("latency, echo");
            long[] echo;
            try (EchoLink link = new EchoLink(0)) {
                echo = echoLatency(link);
            }
            rows.add(Row.of(ROWS.get(2), micros(loop, 0.50), micros(pool, 0.50), micros(echo, 0.50), "µs", "%.1f"));
            rows.add(Row.of(ROWS.get(3), micros(loop, 0.99), micros(pool, 0.99), micros(echo, 0.99), "µs", "%.1f"));
        }
    }

    private EventLoop newLoop(int workers, ResultHandler handler) {
        return EventLoop.builder().name("bench").workers(workers)
                .jvmOptions(options.workerOptions().toArray(String[]::new))
                .outputHandlers(handler).build().start();
    }

    /** Counts handled results and times a batch of submissions until the last is handled. */
    private static final class Counter {
        private final AtomicLong done = new AtomicLong();
        private volatile long expected = Long.MAX_VALUE;
        private volatile CountDownLatch latch = new CountDownLatch(1);

        ResultHandler handler() {
            return ResultHandler.of(result -> arrived());
        }

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

    private long[] loopLatency() throws Exception {
        int m = options.latency();
        BlockingQueue<Long> handled = new ArrayBlockingQueue<>(1);
        long[] samples = new long[m];
        try (EventLoop loop = newLoop(1, ResultHandler.of(result -> handled.add(System.nanoTime())))) {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < m; i++) {
                    long start = System.nanoTime();
                    loop.addEvent(Work::plusOne, i);
                    samples[i] = handled.take() - start;
                }
            }
        }
        return samples;
    }

    // ---------------------------------------------------------------- thread pool reference

    private static ThreadPoolExecutor newPool(int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>());
        pool.prestartAllCoreThreads();
        return pool;
    }

    private double poolThroughput(int threads, int n) throws InterruptedException {
        ThreadPoolExecutor pool = newPool(threads);
        try {
            Counter counter = new Counter();
            return counter.time(n, i -> pool.execute(() -> {
                if (Work.plusOne(i) != Integer.MIN_VALUE) {
                    counter.arrived();
                }
            }));
        } finally {
            pool.shutdownNow();
        }
    }

    private long[] poolLatency() throws InterruptedException {
        int m = options.latency();
        BlockingQueue<Long> handled = new ArrayBlockingQueue<>(1);
        long[] samples = new long[m];
        ThreadPoolExecutor pool = newPool(1);
        try {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < m; i++) {
                    int value = i;
                    long start = System.nanoTime();
                    pool.execute(() -> {
                        if (Work.plusOne(value) != Integer.MIN_VALUE) {
                            handled.add(System.nanoTime());
                        }
                    });
                    samples[i] = handled.take() - start;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return samples;
    }

    // ---------------------------------------------------------------- raw echo reference

    /** One echo child and the parent's end of its socket. */
    private final class EchoLink implements AutoCloseable {
        final Process process;
        final SocketChannel channel;
        final FrameReader reader;
        final FrameWriter writer;

        EchoLink(int index) throws IOException {
            Path socket = socketDir.resolve("echo-" + System.nanoTime() + "-" + index + ".sock");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(socket));
                List<String> command = new ArrayList<>();
                command.add(java);
                command.add("-XX:+ExitOnOutOfMemoryError");
                command.addAll(options.workerOptions());
                command.add(EchoChild.class.getName());
                command.add(socket.toString());
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT);
                builder.environment().put("CLASSPATH", classPath);
                process = builder.start();
                channel = server.accept();
            } finally {
                Files.deleteIfExists(socket);
            }
            writer = new FrameWriter(channel, Codec.MAX_FRAME);
            reader = new FrameReader(channel, Codec.MAX_FRAME, () -> { });
        }

        void appendCall(long id, io.github.mpeventloop.internal.call.TargetDescriptor target, Object value) {
            writer.append(buffer -> Codec.writeCall(mapper, buffer, id, target, value));
        }

        /** Sends one call and waits for its answer, in this thread. */
        JsonNode roundTrip(long id, io.github.mpeventloop.internal.call.TargetDescriptor target, Object value)
                throws IOException {
            appendCall(id, target, value);
            writer.flush();
            FrameReader.Frame frame = reader.next();
            if (frame == null) {
                throw new IOException("echo child closed its channel");
            }
            return Frames.parse(mapper, frame);
        }

        @Override
        public void close() {
            try {
                channel.close();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }

    private List<EchoLink> startEcho(int children) throws IOException {
        List<EchoLink> links = new ArrayList<>();
        for (int i = 0; i < children; i++) {
            links.add(new EchoLink(i));
        }
        return links;
    }

    /**
     * Pipelined: this thread encodes every call into the children's writers (batches of 64 frames
     * per child in turn, flushed at 64 KiB and at the end), one reader thread per child decodes the
     * answers and reads their values.
     */
    private double echoThroughput(List<EchoLink> links, int n) throws Exception {
        int children = links.size();
        int[] expected = new int[children];
        for (int i = 0; i < n; i++) {
            expected[(i / 64) % children]++;
        }
        CountDownLatch done = new CountDownLatch(children);
        AtomicLong sink = new AtomicLong();
        List<Thread> readers = new ArrayList<>();
        for (int c = 0; c < children; c++) {
            EchoLink link = links.get(c);
            int count = expected[c];
            Thread thread = new Thread(() -> {
                try {
                    long sum = 0;
                    for (int k = 0; k < count; k++) {
                        JsonNode result = Frames.parse(mapper, link.reader.next());
                        sum += result.path("id").asLong() + Codec.intValue(mapper, result);
                    }
                    sink.addAndGet(sum);
                } catch (IOException | RuntimeException e) {
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            }, "echo-reader-" + c);
            thread.setDaemon(true);
            readers.add(thread);
        }
        long start = System.nanoTime();
        readers.forEach(Thread::start);
        for (int i = 0; i < n; i++) {
            EchoLink link = links.get((i / 64) % children);
            link.appendCall(i, Codec.PLUS_ONE, i);
            if (link.writer.buffered() >= 64 << 10) {
                link.writer.flush();
            }
        }
        for (EchoLink link : links) {
            link.writer.flush();
        }
        done.await();
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private long[] echoLatency(EchoLink link) throws IOException {
        int m = options.latency();
        long[] samples = new long[m];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < m; i++) {
                long start = System.nanoTime();
                JsonNode result = link.roundTrip(i, Codec.PLUS_ONE, i);
                if (Codec.intValue(mapper, result) == Integer.MIN_VALUE) {
                    throw new IllegalStateException();
                }
                samples[i] = System.nanoTime() - start;
            }
        }
        return samples;
    }

    // ---------------------------------------------------------------- start-up

    private void startup() throws Exception {
        int k = options.startups();
        progress("start-up, " + k + " fresh loops and as many echo children");
        double[] loop = new double[k];
        for (int i = 0; i < k; i++) {
            CountDownLatch first = new CountDownLatch(1);
            EventLoop eventLoop = EventLoop.builder().name("bench-start")
                    .jvmOptions(options.workerOptions().toArray(String[]::new))
                    .outputHandlers(ResultHandler.of(result -> first.countDown())).build();
            long start = System.nanoTime();
            eventLoop.start();
            eventLoop.addEvent(Work::plusOne, 1);
            first.await();
            loop[i] = (System.nanoTime() - start) / 1e6;
            eventLoop.close();
        }
        double[] echo = new double[k];
        for (int i = 0; i < k; i++) {
            long start = System.nanoTime();
            try (EchoLink link = new EchoLink(i)) {
                link.roundTrip(1, Codec.PLUS_ONE, 1);
                echo[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        double[] pool = new double[k];
        for (int i = 0; i < k; i++) {
            long start = System.nanoTime();
            ThreadPoolExecutor executor = newPool(1);
            CountDownLatch first = new CountDownLatch(1);
            executor.execute(first::countDown);
            first.await();
            pool[i] = (System.nanoTime() - start) / 1e6;
            executor.shutdownNow();
        }
        rows.add(Row.of(ROWS.get(4), median(loop), median(pool), median(echo), "ms", "%.1f"));
        notes.add("start-up samples (ms), loop: " + list(loop, "%.0f") + "; echo: " + list(echo, "%.0f"));
    }

    // ---------------------------------------------------------------- CPU-bound scaling

    private void cpu() throws Exception {
        int n = options.cpuEvents();
        progress("CPU: capacity probe (" + options.capacityMs() + " ms)");
        double capacityBefore = capacity();
        long iterations = Work.calibrate(options.cpuMs());
        progress("CPU: " + n + " events of " + options.cpuMs() + " ms (" + iterations + " iterations), serial in-process");
        long start = System.nanoTime();
        long sink = 0;
        for (int i = 0; i < n; i++) {
            sink += Work.spin(iterations);
        }
        double serial = (System.nanoTime() - start) / 1e9;

        double[] loopWall = new double[3];
        for (int workers = 1; workers <= 2; workers++) {
            progress("CPU: loop, " + workers + " worker(s)");
            Counter counter = new Counter();
            try (EventLoop loop = newLoop(workers, counter.handler())) {
                counter.time(2 * workers, i -> loop.addEvent(Work::spin, iterations)); // warm-up
                loopWall[workers] = n / counter.time(n, i -> loop.addEvent(Work::spin, iterations));
            }
        }
        progress("CPU: thread pool, 2 threads");
        double poolWall;
        ThreadPoolExecutor pool = newPool(2);
        try {
            Counter counter = new Counter();
            counter.time(4, i -> pool.execute(() -> {
                if (Work.spin(iterations) != 42) {
                    counter.arrived();
                }
            }));
            poolWall = n / counter.time(n, i -> pool.execute(() -> {
                if (Work.spin(iterations) != 42) {
                    counter.arrived();
                }
            }));
        } finally {
            pool.shutdownNow();
        }
        progress("CPU: echo, 2 children");
        double echoWall;
        List<EchoLink> links = startEcho(2);
        try {
            for (EchoLink link : links) {
                link.roundTrip(0, Codec.SPIN, iterations);
                link.roundTrip(0, Codec.SPIN, iterations);
            }
            AtomicInteger next = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (EchoLink link : links) {
                threads.add(new Thread(() -> {
                    try {
                        int i;
                        while ((i = next.getAndIncrement()) < n) {
                            link.roundTrip(i, Codec.SPIN, iterations);
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
            }
            long echoStart = System.nanoTime();
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            echoWall = (System.nanoTime() - echoStart) / 1e9;
        } finally {
            links.forEach(EchoLink::close);
        }
        progress("CPU: capacity probe again");
        double capacityAfter = capacity();
        double capacity = (capacityBefore + capacityAfter) / 2;

        rows.add(Row.of(ROWS.get(5), loopWall[1], Double.NaN, Double.NaN, "s", "%.2f"));
        rows.add(Row.of(ROWS.get(6), loopWall[2], poolWall, echoWall, "s", "%.2f"));
        rows.add(Row.of(ROWS.get(7), serial / loopWall[2], serial / poolWall, serial / echoWall, "×", "%.2f"));
        rows.add(Row.of(ROWS.get(8), loopWall[1] / loopWall[2], Double.NaN, Double.NaN, "×", "%.2f"));
        rows.add(new Row(ROWS.get(9), String.format(Locale.ROOT, "%.2f / %.2f", capacityBefore, capacityAfter), "", "",
                "", "", "CPU-s per wall-s"));
        rows.add(Row.of(ROWS.get(10), serial / loopWall[2] / capacity, serial / poolWall / capacity,
                serial / echoWall / capacity, "", "%.2f"));
        notes.add(String.format(Locale.ROOT, "CPU: serial in-process %.2f s for %d events of %.1f ms (%d iterations)%s",
                serial, n, options.cpuMs(), iterations, sink == 42 ? "!" : ""));
    }

    /** CPU-seconds per wall-second that two child JVMs spinning at once obtain now. */
    private double capacity() throws Exception {
        List<Process> children = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                ProcessBuilder builder = new ProcessBuilder(java, Spinner.class.getName(),
                        Long.toString(options.capacityMs())).redirectError(ProcessBuilder.Redirect.INHERIT);
                builder.environment().put("CLASSPATH", classPath);
                Process child = builder.start();
                children.add(child);
                outputs.add(new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII)));
            }
            for (BufferedReader output : outputs) {
                expectLine(output, "ready");
            }
            for (Process child : children) {
                OutputStream in = child.getOutputStream();
                in.write('\n');
                in.flush();
            }
            long cpu = 0;
            for (BufferedReader output : outputs) {
                String line = expectLine(output, "cpu ");
                cpu += Long.parseLong(line.split(" ")[1]);
            }
            return cpu / (options.capacityMs() * 1e6);
        } finally {
            for (Process child : children) {
                child.destroyForcibly();
            }
        }
    }

    private static String expectLine(BufferedReader output, String prefix) throws IOException {
        String line = output.readLine();
        if (line == null || !line.startsWith(prefix)) {
            throw new IOException("capacity probe said " + line + ", expected " + prefix);
        }
        return line;
    }

    // ---------------------------------------------------------------- memory

    private void memory() throws Exception {
        progress("memory: idle worker and echo child RSS");
        double loopRss;
        try (EventLoop loop = newLoop(1, ResultHandler.of(result -> { }))) {
            loop.addEvent(Work::plusOne, 1).join();
            Thread.sleep(1000);
            loopRss = rssMiB(loop.workers().get(0).pid());
        }
        double echoRss;
        try (EchoLink link = new EchoLink(0)) {
            link.roundTrip(1, Codec.PLUS_ONE, 1);
            Thread.sleep(1000);
            echoRss = rssMiB(link.process.pid());
        }
        rows.add(Row.of(ROWS.get(11), loopRss, Double.NaN, echoRss, "MiB", "%.1f"));
        notes.add(String.format(Locale.ROOT, "this (parent) JVM's RSS at the end of the memory section: %.1f MiB",
                rssMiB(ProcessHandle.current().pid())));

        int k = options.heapEvents();
        progress("memory: parent heap per queued event (" + k + " events queued before start)");
        double loopPerEvent;
        {
            EventLoop loop = EventLoop.builder().name("bench-heap").queueCapacity(k + 1)
                    .outputHandlers(ResultHandler.of(result -> { })).build();
            loop.addEvent(Work::plusOne, -1);
            long before = usedHeapAfterGc();
            for (int i = 0; i < k; i++) {
                loop.addEvent(Work::plusOne, i);
            }
            long after = usedHeapAfterGc();
            loopPerEvent = (after - before) / (double) k;
            if (loop.queueDepth() != k + 1) {
                throw new IllegalStateException("queue depth " + loop.queueDepth());
            }
            loop.stop();
        }
        double poolPerEvent;
        {
            ThreadPoolExecutor pool = newPool(1);
            CountDownLatch release = new CountDownLatch(1);
            pool.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Counter counter = new Counter();
            long before = usedHeapAfterGc();
            for (int i = 0; i < k; i++) {
                int value = i;
                pool.execute(() -> {
                    if (Work.plusOne(value) != Integer.MIN_VALUE) {
                        counter.arrived();
                    }
                });
            }
            long after = usedHeapAfterGc();
            poolPerEvent = (after - before) / (double) k;
            release.countDown();
            pool.shutdownNow();
        }
        double echoPerEvent;
        {
            List<byte[]> frames = new ArrayList<>(k);
            long before = usedHeapAfterGc();
            for (int i = 0; i < k; i++) {
                frames.add(Codec.callFrame(mapper, i, Codec.PLUS_ONE, i));
            }
            long after = usedHeapAfterGc();
            echoPerEvent = (after - before) / (double) k;
            if (frames.size() != k) {
                throw new IllegalStateException();
            }
        }
        rows.add(Row.of(ROWS.get(12), loopPerEvent, poolPerEvent, echoPerEvent, "bytes", "%.0f"));

        int n = options.events();
        int capacity = options.boundedCapacity();
        progress("memory: heap under a bounded queue (" + capacity + " slots), " + n + " events");
        double[] samples = new double[4];
        Counter counter = new Counter();
        try (EventLoop loop = EventLoop.builder().name("bench-bounded").queueCapacity(capacity)
                .jvmOptions(options.workerOptions().toArray(String[]::new))
                .outputHandlers(counter.handler()).build().start()) {
            counter.time(n, i -> {
                loop.addEvent(Work::plusOne, i);
                int quarter = Math.max(1, n / 4);
                if ((i + 1) % quarter == 0 && (i + 1) / quarter <= 4) {
                    samples[(i + 1) / quarter - 1] = usedHeapAfterGc() / (1024.0 * 1024.0);
                }
            });
        }
        rows.add(new Row(ROWS.get(13), String.format(Locale.ROOT, "%+.2f (%.1f → %.1f)", samples[3] - samples[0],
                samples[0], samples[3]), "", "", "", "", "MiB"));
        notes.add("heap after GC at 25/50/75/100 % of " + n + " events through a " + capacity + "-slot queue (MiB): "
                + list(samples, "%.2f"));
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    // ---------------------------------------------------------------- statistics and output

    @FunctionalInterface
    private interface Measurement {
        double run() throws Exception;
    }

    /** Runs one warm-up, then {@code reps} measured repetitions; their median. */
    private static double median(int reps, Measurement measurement) throws Exception {
        measurement.run();
        double[] values = new double[reps];
        for (int i = 0; i < reps; i++) {
            values[i] = measurement.run();
        }
        return median(values);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double micros(long[] nanos, double quantile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }

    private static String list(double[] values, String format) {
        List<String> parts = new ArrayList<>();
        for (double value : values) {
            parts.add(String.format(Locale.ROOT, format, value));
        }
        return String.join(", ", parts);
    }

    /** One line of the table: the loop, the pool, the echo and the loop's ratios to both. */
    record Row(String measure, String loop, String pool, String poolRatio, String echo, String echoRatio, String unit) {

        static Row of(String measure, double loop, double pool, double echo, String unit, String format) {
            return new Row(measure, number(format, loop), number(format, pool), ratio(loop, pool), number(format, echo),
                    ratio(loop, echo), unit);
        }

        static Row missing(String measure) {
            return new Row(measure, "not run", "", "", "", "", "");
        }

        private static String number(String format, double value) {
            return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, format, value);
        }

        private static String ratio(double loop, double reference) {
            if (Double.isNaN(loop) || Double.isNaN(reference) || reference == 0) {
                return "—";
            }
            return String.format(Locale.ROOT, "%.2f", loop / reference);
        }
    }

    private String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "mp-event-loop side by side: %d CPUs, %s %s; events %,d, latency %,d, start-ups %d, CPU events %d × %.1f ms,"
                        + " reps %d, heap events %,d, worker options %s%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), options.events(), options.latency(), options.startups(),
                options.cpuEvents(), options.cpuMs(), options.reps(), options.heapEvents(),
                options.workerOptions().isEmpty() ? "(none)" : String.join(" ", options.workerOptions())));
        out.append("| measure | loop | thread pool | loop ÷ pool | raw echo | loop ÷ echo | unit |\n");
        out.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (String name : ROWS) {
            Row row = rows.stream().filter(r -> r.measure().equals(name)).findFirst().orElse(Row.missing(name));
            out.append("| ").append(String.join(" | ", row.measure(), row.loop(), row.pool(), row.poolRatio(), row.echo(),
                    row.echoRatio(), row.unit())).append(" |\n");
        }
        out.append('\n');
        for (String note : notes) {
            out.append("- ").append(note).append('\n');
        }
        return out.toString();
    }
}
