package io.github.mpeventloop.benchmarks.echo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.mpeventloop.benchmarks.ChildJvm;
import io.github.mpeventloop.benchmarks.CpuRuns;
import io.github.mpeventloop.benchmarks.SharedWork;
import io.github.mpeventloop.benchmarks.Stats;

/**
 * The echo's measurements, as the yardstick ({@code bench/limit}, {@code EchoBench}) makes them:
 * pipelined throughput with a writer thread and a reader thread per child, and round trips one
 * message at a time in one thread.
 */
public final class EchoBench implements AutoCloseable {

    private final Path socketDirectory;
    private final List<String> jvmOptions;
    private final Map<EchoCodec.Format, List<EchoLink>> running = new EnumMap<>(EchoCodec.Format.class);

    public EchoBench(Path socketDirectory, List<String> jvmOptions) {
        this.socketDirectory = socketDirectory;
        this.jvmOptions = jvmOptions;
    }

    /**
     * The first {@code count} running children speaking {@code format}, started when missing; they
     * serve every measurement of the run but start-up and idle RSS, and end at {@link #close()}.
     */
    private List<EchoLink> links(EchoCodec.Format format, int count) throws IOException {
        List<EchoLink> links = running.computeIfAbsent(format, f -> new ArrayList<>());
        while (links.size() < count) {
            links.add(new EchoLink(socketDirectory, new EchoCodec(format), jvmOptions));
        }
        return links.subList(0, count);
    }

    /** Median events/s over {@code runs} runs of {@code messages} events, after {@code warmups} runs. */
    public Stats.Median throughput(EchoCodec.Format format, int children, int messages, int warmups, int runs)
            throws Exception {
        List<EchoLink> links = links(format, children);
        return Stats.median(warmups, runs, () -> pipelined(links, messages));
    }

    /**
     * One run: per child, a writer thread encodes its share of the events into its frame writer
     * (flushed when full and at the end) while a reader thread decodes and checks every answer.
     */
    static double pipelined(List<EchoLink> links, int messages) throws InterruptedException {
        int share = messages / links.size();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (EchoLink link : links) {
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < share; i++) {
                        link.out.write(link.codec().encodeEvent(EchoCodec.trivial(i)));
                    }
                    link.out.flush();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }, "echo-writer"));
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < share; i++) {
                        if (!link.in.next()) {
                            throw new IOException("echo child ended early");
                        }
                        EchoCodec.Result result = link.codec().decodeResult(link.in.frame(), link.in.length());
                        if (result.id() != i || result.value() != EchoCodec.trivialValue(i)) {
                            throw new IOException("bad answer " + result + " at " + i);
                        }
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }, "echo-reader"));
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        long nanos = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IllegalStateException("echo run failed", failure.get());
        }
        return (double) share * links.size() / (nanos / 1e9);
    }

    /** Round trips one at a time: {@code warmup}, then {@code runs} × {@code perRun} timed. */
    public Stats.Latency latency(EchoCodec.Format format, int warmup, int runs, int perRun) throws Exception {
        EchoLink link = links(format, 1).get(0);
        return Stats.latency(warmup, runs, perRun, i -> {
            if (link.roundTrip(EchoCodec.trivial(i)) != EchoCodec.trivialValue(i)) {
                throw new IOException("bad answer at " + i);
            }
            return 0;
        });
    }

    /** Milliseconds from starting a child to its first answer. */
    public double startup() throws IOException {
        long start = System.nanoTime();
        try (EchoLink link = new EchoLink(socketDirectory, new EchoCodec(EchoCodec.Format.JSON), jvmOptions)) {
            link.roundTrip(EchoCodec.trivial(1));
            return (System.nanoTime() - start) / 1e6;
        }
    }

    /** Timed runs of {@code events} spin events over two children, one event in flight per child ({@link CpuRuns}). */
    public CpuRuns cpuRuns(int events, long iterations, int runs) throws Exception {
        List<EchoLink> links = links(EchoCodec.Format.JSON, 2);
        List<SharedWork.Caller> callers = new ArrayList<>();
        for (EchoLink link : links) {
            callers.add(i -> link.roundTrip(new EchoCodec.Event(i, EchoCodec.SPIN, new long[] {iterations})));
        }
        return CpuRuns.time(runs, links.stream().map(EchoLink::pid).toList(),
                () -> SharedWork.wallSeconds("echo CPU run", callers, events));
    }

    /** Resident set size in MiB of a fresh child 1 s after its first answer, or of the first running child. */
    public double rss(boolean fresh) throws Exception {
        if (!fresh) {
            return ChildJvm.rssMiB(links(EchoCodec.Format.JSON, 1).get(0).pid());
        }
        try (EchoLink link = new EchoLink(socketDirectory, new EchoCodec(EchoCodec.Format.JSON), jvmOptions)) {
            link.roundTrip(EchoCodec.trivial(1));
            Thread.sleep(1000);
            return ChildJvm.rssMiB(link.pid());
        }
    }

    @Override
    public void close() {
        running.values().forEach(links -> links.forEach(EchoLink::close));
        running.clear();
    }
}
