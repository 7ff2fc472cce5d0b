package io.github.mpeventloop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.FrameWriter;
import io.github.mpeventloop.internal.wire.WireMapper;
import io.github.mpeventloop.internal.wire.WorkerFrame;
import io.github.mpeventloop.spi.ExitReport;
import io.github.mpeventloop.spi.WorkerChannel;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.type.TypeFactory;

/**
 * Fakes for unit tests of one engine rule: sessions on in-memory channels that nobody reads (no
 * worker, no JVM), and pending events made directly.
 */
final class EngineFakes {

    static final JavaType OBJECT = TypeFactory.createDefaultInstance().constructType(Object.class);

    /** A listener that ignores everything: the rules under test never reach it. */
    static final SessionListener IGNORED = new SessionListener() {
        @Override
        public void answered(WorkerSession session, PendingEvent event, WorkerFrame.Answer answer) {
        }

        @Override
        public void item(WorkerSession session, PendingEvent event, WorkerFrame.Item item) {
        }

        @Override
        public void deliverPending(WorkerSession session) {
        }

        @Override
        public void afterAnswer(WorkerSession session, long eventsDone) {
        }

        @Override
        public void retireRequested(WorkerSession session, String because) {
        }

        @Override
        public void capacityChanged(int freeSlots, int windowSize) {
        }

        @Override
        public void ended(WorkerSession session, boolean saidBye, @Nullable Throwable cause) {
        }
    };

    private EngineFakes() {
    }

    /** A session whose worker never answers; frames sent to it go to a byte buffer. */
    static WorkerSession session(int id, int maxWindow) {
        return session(id, FlowWindow.of(maxWindow, 1));
    }

    /**
     * A session like {@link #session(int, int)} whose window was widened to {@code maxWindow} by
     * trivial events (1 µs each), as in a loop that ran them before.
     */
    static WorkerSession widenedSession(int id, int maxWindow) {
        return session(id, afterTrivialEvents(FlowWindow.of(maxWindow, 1)));
    }

    /** {@code window} after it measured fifty events of 1 µs each. */
    static FlowWindow afterTrivialEvents(FlowWindow window) {
        for (int i = 0; i < 50; i++) {
            window.answered(TimeUnit.MICROSECONDS.toNanos(1));
        }
        return window;
    }

    private static WorkerSession session(int id, FlowWindow window) {
        FakeChannel channel = new FakeChannel(id);
        WorkerLink link = new WorkerLink(channel, new FrameReader(channel.fromWorker(), 1 << 20, () -> { }),
                new FrameWriter(channel.toWorker(), 1 << 20), 1000 + id);
        return new WorkerSession(link, IGNORED, WireMapper.create(), window, 0);
    }

    static PendingEvent plain(long id) {
        return event(id, CallKind.plain(OBJECT), List.of());
    }

    static PendingEvent async(long id) {
        return event(id, new CallKind(CallKind.Mode.ASYNC, OBJECT, false), List.of());
    }

    static PendingEvent pinned(long id, ObjectHandle... handles) {
        return event(id, CallKind.plain(OBJECT), List.of(handles));
    }

    static PendingEvent event(long id, CallKind kind, List<ObjectHandle> pins) {
        return new PendingEvent(id, Event.of((Target.Call0<Integer>) () -> 1), new byte[] { 0, 0, 0, 0 }, kind, null,
                0, pins, null);
    }

    static ObjectHandle handle(long id) {
        return new ObjectHandle(id, new Object(), Object.class, null);
    }

    /** A worker channel in memory: what is written to it is kept, nothing ever comes back. */
    static final class FakeChannel implements WorkerChannel {
        private final int id;
        private final Pipe fromWorker;
        private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        private final WritableByteChannel toWorker = Channels.newChannel(sent);

        FakeChannel(int id) {
            this.id = id;
            try {
                this.fromWorker = Pipe.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public int id() {
            return id;
        }

        @Override
        public long pid() {
            return 1000 + id;
        }

        @Override
        public ReadableByteChannel fromWorker() {
            return fromWorker.source();
        }

        @Override
        public WritableByteChannel toWorker() {
            return toWorker;
        }

        @Override
        public void closeChannel() {
        }

        @Override
        public ExitReport awaitExit(Duration grace) {
            return new ExitReport(0, "fake worker " + id + " ended", List.of());
        }

        @Override
        public void destroy() {
        }
    }
}
