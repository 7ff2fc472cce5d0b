package io.github.mpeventloop.internal.worker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.ParentFrame;
import io.github.mpeventloop.internal.wire.ParentFrameDecoder;
import io.github.mpeventloop.internal.wire.ProtocolException;

/**
 * The worker's frame reading: reads the parent's frames while the event thread runs, and hands
 * them over in batches, all the frames that arrived together at once, just before it would wait
 * for more. Frames sent together are therefore queued together, in their order, before the event
 * thread takes the next step of any stream. The end of the channel and read failures reach the
 * event thread the same way.
 *
 * <p>Some frames are served on the reading thread itself, at once, even while the event thread is
 * busy ({@link Sink#now}): {@code ping} and the {@code cancel} of a plain call.
 *
 * <p>The reading threads run tasks, so their stacks are a task's ({@link WorkerLoop#TASK_STACK_BYTES}).
 * Two reading threads take turns (a leader/follower pair, written by hand because no library
 * thread pool hands a channel's reading role over mid-stream): whoever holds the baton reads. When
 * the event thread is idle, the reading thread runs the tasks that arrived itself, which spares a
 * lone event a thread hand-off. It only lends the baton out meanwhile: if the tasks end within a
 * millisecond it takes the baton back and reads on, so that a lone event wakes no other thread;
 * otherwise the worker's clock ({@link LingerFlush}) passes the baton to the other thread
 * ({@link #passBatonLentBefore}), so that the channel is still read, and pings still answered,
 * while a long task runs.
 */
final class FrameInbox {

    /** What the reader hands to the event thread. */
    interface Sink {
        /**
         * A frame served on the reading thread at once; false when it goes to the event thread.
         */
        boolean now(ParentFrame frame);

        /**
         * Frames that arrived together. When the sink runs them on the calling thread, it first
         * runs {@code beforeRunning}, which lends the reading role out for as long as they run.
         */
        void frames(List<ParentFrame> frames, Runnable beforeRunning);

        /** The channel ended between frames. */
        void ended();

        /** Reading failed: protocol error, frame too large, I/O error. */
        void failed(IOException error);

        /** Runs once on each reading thread before it reads. */
        void enter();
    }

    private static final int MAX_BATCH = 256;

    private final FrameReader reader;
    private final ParentFrameDecoder decoder;
    private final Sink sink;
    private final List<ParentFrame> batch = new ArrayList<>();
    private final Semaphore baton = new Semaphore(1);
    /** The baton's holder runs tasks and lent it out: the clock may pass it on. */
    private final AtomicBoolean lent = new AtomicBoolean();
    private volatile long lentSince;
    /** Written and read under the baton. */
    private boolean finished;

    FrameInbox(FrameReader reader, ParentFrameDecoder decoder, Sink sink) {
        this.reader = reader;
        this.decoder = decoder;
        this.sink = sink;
    }

    void start() {
        reader.setBeforeBlocking(() -> { });
        for (int i = 1; i <= 2; i++) {
            Thread thread = new Thread(null, this::read, "mp-event-loop-frame-reader-" + i, WorkerLoop.TASK_STACK_BYTES);
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void read() {
        sink.enter();
        while (true) {
            baton.acquireUninterruptibly();
            if (finished) {
                baton.release();
                return;
            }
            readWhileHolding();
        }
    }

    /** Reads until this thread passes the baton on or reading is over. */
    private void readWhileHolding() {
        try {
            while (true) {
                if (!batch.isEmpty() && (batch.size() >= MAX_BATCH || !reader.hasBufferedFrame())) {
                    if (handOver()) {
                        return;
                    }
                    continue;
                }
                FrameReader.Frame frame = reader.next();
                if (frame == null) {
                    handOverAtEnd();
                    sink.ended();
                    finish();
                    return;
                }
                ParentFrame parentFrame = decoder.decode(frame);
                if (parentFrame instanceof ParentFrame.Welcome) {
                    throw new ProtocolException("the parent sent a second \"welcome\"");
                }
                if (!sink.now(parentFrame)) {
                    batch.add(parentFrame);
                }
            }
        } catch (IOException e) {
            handOverAtEnd();
            sink.failed(e);
            finish();
        } catch (RuntimeException | Error e) {
            handOverAtEnd();
            sink.failed(new IOException(e.toString(), e));
            finish();
        }
    }

    /** Hands the batch over; true when the baton was passed on while this thread ran it. */
    private boolean handOver() {
        List<ParentFrame> frames = List.copyOf(batch);
        batch.clear();
        boolean[] ran = {false};
        sink.frames(frames, () -> {
            ran[0] = true;
            lentSince = System.nanoTime();
            lent.set(true);
        });
        return ran[0] && !lent.compareAndSet(true, false);
    }

    /** Whether the baton's holder runs tasks and lent it out: the clock has a baton to pass. */
    boolean batonLent() {
        return lent.get();
    }

    /** Passes the baton to the other reading thread if its holder lent it out before {@code nanos}; the clock's thread. */
    void passBatonLentBefore(long nanos) {
        if (lent.get() && lentSince - nanos <= 0 && lent.compareAndSet(true, false)) {
            baton.release();
        }
    }

    /** At the end of reading nobody needs the baton: what is left is handed over as it is. */
    private void handOverAtEnd() {
        finished = true;
        if (!batch.isEmpty()) {
            List<ParentFrame> frames = List.copyOf(batch);
            batch.clear();
            sink.frames(frames, () -> { });
        }
    }

    private void finish() {
        baton.release();
    }
}
