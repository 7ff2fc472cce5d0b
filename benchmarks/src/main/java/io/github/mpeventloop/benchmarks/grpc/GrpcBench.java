package io.github.mpeventloop.benchmarks.grpc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.mpeventloop.benchmarks.ChildJvm;
import io.github.mpeventloop.benchmarks.CpuRuns;
import io.github.mpeventloop.benchmarks.SharedWork;
import io.github.mpeventloop.benchmarks.Stats;
import io.github.mpeventloop.benchmarks.echo.EchoCodec;
import io.grpc.CallOptions;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;

/**
 * "What a Java engineer would build by hand": grpc-java to child JVMs over Unix-domain sockets.
 * Unary: this thread issues asynchronous calls, at most {@link #WINDOW} outstanding (as many as
 * the loop keeps in flight per worker), round-robin over the children. Streaming: one
 * bidirectional stream per child, whose sender writes only while the stream is ready (gRPC's
 * flow control) and resumes from the on-ready callback.
 */
public final class GrpcBench implements AutoCloseable {

    /** Outstanding unary calls at most. */
    public static final int WINDOW = 512;

    private final Path socketDirectory;
    private final List<String> jvmOptions;
    private final List<GrpcLink> running = new ArrayList<>();

    public GrpcBench(Path socketDirectory, List<String> jvmOptions) {
        this.socketDirectory = socketDirectory;
        this.jvmOptions = jvmOptions;
    }

    /** The first {@code count} running children, started when missing; they serve all but start-up and idle RSS. */
    private List<GrpcLink> links(int count) throws IOException {
        while (running.size() < count) {
            running.add(new GrpcLink(socketDirectory, jvmOptions));
        }
        return running.subList(0, count);
    }

    @Override
    public void close() {
        running.forEach(GrpcLink::close);
        running.clear();
    }

    /** Median calls/s of unary calls. */
    public Stats.Median unaryThroughput(int children, int events, int warmups, int runs) throws Exception {
        List<GrpcLink> links = links(children);
        return Stats.median(warmups, runs, () -> unary(links, events));
    }

    private static double unary(List<GrpcLink> links, int events) throws Exception {
        Semaphore window = new Semaphore(WINDOW);
        CountDownLatch done = new CountDownLatch(events);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            window.acquire();
            long id = i;
            GrpcLink link = links.get(i % links.size());
            ClientCalls.asyncUnaryCall(link.channel.newCall(EchoService.CALL, CallOptions.DEFAULT), EchoCodec.trivial(id),
                    new StreamObserver<>() {
                        @Override
                        public void onNext(EchoCodec.Result result) {
                            if (result.value() != EchoCodec.trivialValue(id)) {
                                failure.compareAndSet(null, new IllegalStateException("bad answer " + result));
                            }
                        }

                        @Override
                        public void onError(Throwable t) {
                            failure.compareAndSet(null, t);
                            window.release();
                            done.countDown();
                        }

                        @Override
                        public void onCompleted() {
                            window.release();
                            done.countDown();
                        }
                    });
        }
        await(done, failure);
        return events / ((System.nanoTime() - start) / 1e9);
    }

    /** Median events/s over one bidirectional stream per child. */
    public Stats.Median streamThroughput(int children, int events, int warmups, int runs) throws Exception {
        List<GrpcLink> links = links(children);
        return Stats.median(warmups, runs, () -> streamed(links, events));
    }

    private static double streamed(List<GrpcLink> links, int events) throws Exception {
        int share = events / links.size();
        CountDownLatch done = new CountDownLatch(links.size());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        for (GrpcLink link : links) {
            ClientCalls.asyncBidiStreamingCall(link.channel.newCall(EchoService.STREAM, CallOptions.DEFAULT),
                    new FlowControlledSender(share, done, failure));
        }
        await(done, failure);
        return (double) share * links.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** Sends {@code count} events while the stream is ready and checks the answers in order. */
    private static final class FlowControlledSender
            implements ClientResponseObserver<EchoCodec.Event, EchoCodec.Result> {
        private final int count;
        private final CountDownLatch done;
        private final AtomicReference<Throwable> failure;
        private int sent;
        private boolean completed;
        private int received;

        FlowControlledSender(int count, CountDownLatch done, AtomicReference<Throwable> failure) {
            this.count = count;
            this.done = done;
            this.failure = failure;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<EchoCodec.Event> requests) {
            requests.setOnReadyHandler(() -> {
                while (sent < count && requests.isReady()) {
                    requests.onNext(EchoCodec.trivial(sent++));
                }
                if (sent == count && !completed) {
                    completed = true;
                    requests.onCompleted();
                }
            });
        }

        @Override
        public void onNext(EchoCodec.Result result) {
            if (result.id() != received || result.value() != EchoCodec.trivialValue(received)) {
                failure.compareAndSet(null, new IllegalStateException("bad answer " + result + " at " + received));
            }
            received++;
        }

        @Override
        public void onError(Throwable t) {
            failure.compareAndSet(null, t);
            done.countDown();
        }

        @Override
        public void onCompleted() {
            if (received != count) {
                failure.compareAndSet(null, new IllegalStateException(received + " answers of " + count));
            }
            done.countDown();
        }
    }

    private static void await(CountDownLatch done, AtomicReference<Throwable> failure) throws Exception {
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("gRPC run did not finish");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("gRPC run failed", failure.get());
        }
    }

    /** Unary round trips one at a time ({@code blockingUnaryCall}). */
    public Stats.Latency unaryLatency(int warmup, int runs, int perRun) throws Exception {
        GrpcLink link = links(1).get(0);
        return Stats.latency(warmup, runs, perRun, i -> {
            EchoCodec.Result result = ClientCalls.blockingUnaryCall(link.channel, EchoService.CALL,
                    CallOptions.DEFAULT, EchoCodec.trivial(i));
            if (result.value() != EchoCodec.trivialValue(i)) {
                throw new IllegalStateException("bad answer " + result);
            }
            return 0;
        });
    }

    /** Round trips one at a time over one open bidirectional stream, timed to the moment the observer sees the answer. */
    public Stats.Latency streamLatency(int warmup, int runs, int perRun) throws Exception {
        GrpcLink link = links(1).get(0);
        BlockingQueue<Object> answers = new ArrayBlockingQueue<>(1);
        AtomicLong answered = new AtomicLong();
        StreamObserver<EchoCodec.Event> requests = ClientCalls.asyncBidiStreamingCall(
                link.channel.newCall(EchoService.STREAM, CallOptions.DEFAULT), new StreamObserver<>() {
                    @Override
                    public void onNext(EchoCodec.Result result) {
                        answered.set(System.nanoTime());
                        answers.add(result);
                    }

                    @Override
                    public void onError(Throwable t) {
                        answers.add(t);
                    }

                    @Override
                    public void onCompleted() {
                        // the stream ends when this method completes it
                    }
                });
        try {
            return Stats.latency(warmup, runs, perRun, i -> {
                requests.onNext(EchoCodec.trivial(i));
                Object answer = answers.take();
                if (!(answer instanceof EchoCodec.Result result) || result.value() != EchoCodec.trivialValue(i)) {
                    throw new IllegalStateException("bad answer " + answer);
                }
                return answered.get();
            });
        } finally {
            requests.onCompleted();
        }
    }

    /** Milliseconds from starting a child to the answer of its first unary call. */
    public double startup() throws IOException {
        long start = System.nanoTime();
        try (GrpcLink link = new GrpcLink(socketDirectory, jvmOptions)) {
            ClientCalls.blockingUnaryCall(link.channel, EchoService.CALL, CallOptions.DEFAULT, EchoCodec.trivial(1));
            return (System.nanoTime() - start) / 1e6;
        }
    }

    /** Timed runs of {@code events} spin events over two children, one blocking unary call in flight per child ({@link CpuRuns}). */
    public CpuRuns cpuRuns(int events, long iterations, int runs) throws Exception {
        List<GrpcLink> links = links(2);
        List<SharedWork.Caller> callers = new ArrayList<>();
        for (GrpcLink link : links) {
            callers.add(i -> spin(link, i, iterations));
        }
        return CpuRuns.time(runs, links.stream().map(GrpcLink::pid).toList(),
                () -> SharedWork.wallSeconds("gRPC CPU run", callers, events));
    }

    private static void spin(GrpcLink link, long id, long iterations) {
        ClientCalls.blockingUnaryCall(link.channel, EchoService.CALL, CallOptions.DEFAULT,
                new EchoCodec.Event(id, EchoCodec.SPIN, new long[] {iterations}));
    }

    /** Resident set size in MiB of a fresh child 1 s after its first answer, or of the first running child. */
    public double rss(boolean fresh) throws Exception {
        if (!fresh) {
            return ChildJvm.rssMiB(links(1).get(0).pid());
        }
        try (GrpcLink link = new GrpcLink(socketDirectory, jvmOptions)) {
            ClientCalls.blockingUnaryCall(link.channel, EchoService.CALL, CallOptions.DEFAULT, EchoCodec.trivial(1));
            Thread.sleep(1000);
            return ChildJvm.rssMiB(link.pid());
        }
    }
}
