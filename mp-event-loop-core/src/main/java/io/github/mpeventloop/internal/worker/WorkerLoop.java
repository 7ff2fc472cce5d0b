package io.github.mpeventloop.internal.worker;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.wire.DeepStack;
import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.FrameWriter;
import io.github.mpeventloop.internal.wire.Handshake;
import io.github.mpeventloop.internal.wire.ParentFrame;
import io.github.mpeventloop.internal.wire.ParentFrameDecoder;
import io.github.mpeventloop.internal.wire.WireCodec;
import io.github.mpeventloop.internal.wire.WireLimits;
import io.github.mpeventloop.internal.wire.WireMapper;
import io.github.mpeventloop.spi.bootstrap.WorkerBeans;

/**
 * The worker's side of a channel. After the handshake a reader thread hands the parent's frames to
 * the event thread, a small {@link Scheduler}: plain calls run one at a time, in the order
 * received, each answered with exactly one {@code result} or {@code error}; a call whose target
 * returns a {@code CompletionStage} is answered when the stage completes, without blocking the
 * event thread; a streamed call sends its items one step at a time, round-robin with the other
 * streams and calls, within the credit the parent gives ({@code credit}), until it ends
 * ({@code end}), fails ({@code error}) or is cancelled ({@code cancel}).
 *
 * <p>Answers are batched: they are flushed when the event thread has nothing to do, when 64 KiB
 * are waiting, and about a millisecond after a task began while answers waited (at its start when
 * the task before it ran that long), so that the parent learns of finished events even while a long
 * one runs. When the heap stays above the
 * threshold the parent set, the worker asks once to be recycled ({@code recycle}). A
 * {@code shutdown} frame is answered with {@code bye} once every call received before it has
 * ended; the end of the channel ends the loop too.
 */
public final class WorkerLoop {

    /**
     * Stack size of the threads that run tasks (the event thread and the reading threads): sixteen
     * times the JVM's default, room for targets that recurse deeply, while an endless recursion ends
     * in its {@link StackOverflowError} within a second. With a 1 GiB stack it took 35 s and several
     * GiB of memory on a 2-core machine, long enough for the parent to take the worker for hung.
     * Values nested deeper than this stack allows are encoded and decoded on a deep stack of their
     * own ({@link DeepStack}).
     */
    static final long TASK_STACK_BYTES = 16L << 20;
    private static final int HANDSHAKE_FRAME_LIMIT = 1 << 20;
    private static final int FLUSH_BYTES = 64 << 10;

    private final FrameReader reader;
    private final FrameWriter writer;
    private final ClassLoader loader;
    private final @Nullable WorkerBeans beans;
    private WireCodec codec;
    private @Nullable CallRunner runner;
    private final WorkerObjects objects = new WorkerObjects();
    private final LingerFlush lingerFlush;
    private Answers answers;
    private final Scheduler scheduler = new Scheduler();
    private final PlainCalls plainCalls = new PlainCalls();
    private int workerId;
    private final Map<Long, StreamTask> streams = new HashMap<>();
    private final Map<Long, CompletionStage<?>> awaited = new HashMap<>();
    private @Nullable HeapWatch heap;
    private boolean recycleAsked;
    private long events;
    private boolean shutdown;
    private boolean channelEnded;
    private @Nullable IOException readFailure;

    public WorkerLoop(ReadableByteChannel in, WritableByteChannel out, ClassLoader loader) {
        this(in, out, loader, null);
    }

    /** A worker loop whose bean targets run on {@code beans} ({@code null}: this worker has none). */
    public WorkerLoop(ReadableByteChannel in, WritableByteChannel out, ClassLoader loader, @Nullable WorkerBeans beans) {
        this(in, out, loader, beans, WireCodec.of(WireMapper.create()));
    }

    /**
     * A worker loop that starts with {@code codec}, whose factory {@link WireMapper#factory} made for
     * the default limits; its mapper may still be in the making.
     */
    public WorkerLoop(ReadableByteChannel in, WritableByteChannel out, ClassLoader loader, @Nullable WorkerBeans beans,
            WireCodec codec) {
        this.codec = codec;
        this.writer = new FrameWriter(out, HANDSHAKE_FRAME_LIMIT);
        this.reader = new FrameReader(in, HANDSHAKE_FRAME_LIMIT, Handshake.flushing(writer));
        this.loader = loader;
        this.beans = beans;
        this.lingerFlush = new LingerFlush(writer);
        this.answers = new Answers(codec, writer, WireLimits.DEFAULTS);
    }

    /**
     * Says hello with {@code secret}, then serves until shutdown or the end of the channel.
     *
     * @return the number of calls handled
     */
    public long run(String secret) throws IOException {
        try {
            return serve(secret);
        } finally {
            lingerFlush.stop();
        }
    }

    private long serve(String secret) throws IOException {
        ParentFrame.Welcome welcome = Handshake.hello(reader, writer, codec, secret);
        reader.setMaxFrameBytes(welcome.maxFrameBytes());
        writer.setMaxFrameBytes(welcome.maxFrameBytes());
        if (!welcome.limits().withMaxFrameBytes(WireLimits.DEFAULTS.maxFrameBytes()).equals(WireLimits.DEFAULTS)) {
            codec = WireCodec.of(WireMapper.create(welcome.limits()));
        }
        runner = new CallRunner(codec, loader, objects, beans);
        answers = new Answers(codec, writer, welcome.limits());
        workerId = welcome.workerId();
        CurrentWorker.enter(workerId, objects);
        heap = new HeapWatch(welcome.recycleAboveHeapBytes());
        FrameInbox inbox = new FrameInbox(reader, new ParentFrameDecoder(codec.factory()), inboxSink);
        lingerFlush.watch(inbox);
        inbox.start();
        try {
            scheduler.run(new Scheduler.Owner() {
                @Override
                public boolean finished() {
                    return channelEnded || readFailure != null
                            || (shutdown && streams.isEmpty() && awaited.isEmpty());
                }

                @Override
                public void beforeWaiting() {
                    flush();
                }

                @Override
                public void beforeTask() {
                    if (writer.buffered() >= FLUSH_BYTES) {
                        flush();
                    }
                    try {
                        lingerFlush.arm();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("worker loop interrupted");
        }
        IOException failure = readFailure;
        if (failure != null) {
            throw failure;
        }
        if (shutdown && !channelEnded) {
            long done = events;
            answers.bye(done);
        }
        writer.flush();
        return events;
    }

    private void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the frame-reading threads hand to the event thread, and what they serve at once. */
    private final FrameInbox.Sink inboxSink = new FrameInbox.Sink() {
        @Override
        public boolean now(ParentFrame frame) {
            if (frame instanceof ParentFrame.Ping ping) {
                answers.pong(ping.seq());
                flush();
                return true;
            }
            if (frame instanceof ParentFrame.Cancel cancel) {
                return plainCalls.cancel(cancel.id(), cancel.interrupt());
            }
            if (frame instanceof ParentFrame.Call call && call.mode() == ParentFrame.CallMode.PLAIN) {
                plainCalls.received(call.id());
            }
            return false;
        }

        @Override
        public void frames(List<ParentFrame> frames, Runnable beforeRunning) {
            List<Runnable> tasks = new ArrayList<>(frames.size());
            for (ParentFrame frame : frames) {
                tasks.add(() -> handle(frame));
            }
            scheduler.offer(tasks, beforeRunning);
        }

        @Override
        public void ended() {
            scheduler.post(() -> channelEnded = true);
        }

        @Override
        public void failed(IOException error) {
            scheduler.post(() -> readFailure = error);
        }

        @Override
        public void enter() {
            CurrentWorker.enter(workerId, objects);
        }
    };

    private void handle(ParentFrame frame) {
        if (shutdown) {
            return;
        }
        if (frame instanceof ParentFrame.Call call) {
            call(call);
        } else if (frame instanceof ParentFrame.Credit credit) {
            StreamTask stream = streams.get(credit.id());
            if (stream != null) {
                stream.credit(credit.items());
            }
        } else if (frame instanceof ParentFrame.Cancel cancel) {
            cancel(cancel.id());
        } else if (frame instanceof ParentFrame.Release release) {
            release.objectIds().forEach(objects::release);
        } else if (frame instanceof ParentFrame.Shutdown) {
            shutdown = true;
        } else if (frame instanceof ParentFrame.Ping ping) {
            answers.pong(ping.seq());
        }
    }

    private void call(ParentFrame.Call call) {
        CallRunner current = runner;
        if (current != null) {
            try (TraceMdc trace = TraceMdc.open(call.context())) {
                current.run(call, answers, followups, plainCalls);
            }
        }
        events++;
        HeapWatch watch = heap;
        long heapUsed = recycleAsked || watch == null ? -1 : watch.exceeded();
        if (heapUsed >= 0) {
            recycleAsked = true;
            answers.recycle(heapUsed);
        }
    }

    /** A {@code cancel}: a stream stops and reports how far it got; an awaited stage is cancelled. */
    private void cancel(long id) {
        StreamTask stream = streams.get(id);
        if (stream != null) {
            stream.cancel();
            return;
        }
        CompletionStage<?> stage = awaited.get(id);
        if (stage != null) {
            try {
                stage.toCompletableFuture().cancel(true);
            } catch (UnsupportedOperationException e) {
                // a stage that cannot be cancelled is answered when it completes
            }
        }
    }

    private final StreamTask.Host streamHost = new StreamTask.Host() {
        @Override
        public void schedule(Runnable task) {
            scheduler.schedule(task);
        }

        @Override
        public void post(Runnable task) {
            scheduler.post(task);
        }

        @Override
        public void ended(StreamTask task) {
            streams.remove(task.id());
        }
    };

    private final CallRunner.Followups followups = new CallRunner.Followups() {
        @Override
        public void await(long id, boolean output, long startNanos, CompletionStage<?> stage) {
            awaited.put(id, stage);
            stage.whenComplete((value, error) -> scheduler.post(() -> {
                awaited.remove(id);
                long nanos = System.nanoTime() - startNanos;
                Throwable failure = CallRunner.unwrap(error);
                if (failure == null) {
                    failure = answers.result(id, nanos, output, value, Map.of());
                }
                if (failure != null) {
                    answers.error(id, nanos, failure, -1);
                }
            }));
        }

        @Override
        public void stream(long id, boolean output, long startNanos, long credit, @Nullable Object result) {
            StreamTask task = new StreamTask(id, output, startNanos, credit, answers, streamHost);
            streams.put(id, task);
            task.start(result);
        }
    };
}
