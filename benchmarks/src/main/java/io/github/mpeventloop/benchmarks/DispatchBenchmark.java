package io.github.mpeventloop.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.github.mpeventloop.Backend;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.ResultHandler;

/**
 * The dispatch path of the loop: {@code addEvent} → queue → dispatcher → worker → reader →
 * future and output handler. {@code roundTrip} is one event at a time (its future joined);
 * {@code batch} submits 1,000 events and waits until all were handled (time per event). The
 * {@code THREAD} backend runs the same frames through in-memory pipes, so it isolates the loop's
 * own machinery from the process boundary; {@code PROCESS} adds the child JVM and the socket.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DispatchBenchmark {

    private static final int BATCH = 1_000;

    @Param({"THREAD", "PROCESS"})
    public Backend backend;

    private EventLoop loop;

    @Setup(Level.Trial)
    public void start() {
        loop = EventLoop.builder().name("jmh").backend(backend).workers(1)
                .outputHandlers(ResultHandler.of(result -> { })).build().start();
    }

    @TearDown(Level.Trial)
    public void stop() {
        loop.close();
    }

    @Benchmark
    public Integer roundTrip() {
        return loop.addEvent(Work::plusOne, 1).join();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Integer batch() {
        EventFuture<Integer> last = null;
        for (int i = 0; i < BATCH; i++) {
            last = loop.addEvent(Work::plusOne, i);
        }
        loop.awaitIdle();
        return last.join();
    }
}
