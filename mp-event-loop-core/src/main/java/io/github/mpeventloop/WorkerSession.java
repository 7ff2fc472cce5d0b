package io.github.mpeventloop;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.ParentFrames;
import io.github.mpeventloop.internal.wire.ProtocolException;
import io.github.mpeventloop.internal.wire.WorkerFrame;
import io.github.mpeventloop.internal.wire.WorkerFrameDecoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parent's side of one worker: the events sent to it and not yet answered ({@link InFlight}),
 * the thread that reads its answers, and its {@link FlowWindow}, the number of events it may hold
 * at once. It reports to its loop only through a {@link SessionListener}.
 *
 * <p>A worker is retired (recycled) by taking nothing new and shutting it down once its events
 * are answered; it is condemned when one of its events timed out, and then ended by force.
 */
final class WorkerSession {

    private final WorkerLink worker;
    private final SessionListener listener;
    private final JsonMapper mapper;
    private final long eventBudget;
    private long sent;
    private volatile boolean dying;
    private final AtomicInteger objects = new AtomicInteger();
    private final Instant startedAt = Instant.now();
    private final InFlight inFlight = new InFlight();
    private final FlowWindow window;
    private volatile long lastPlainAnswerNanos;
    /** Send sequence of the event this worker was condemned for, or of its fatal answer; 0 for none. */
    private volatile long endingSequence;
    private final AtomicLong eventsDone = new AtomicLong();
    private final AtomicBoolean shutdownSent = new AtomicBoolean();
    private final Object drainMonitor = new Object();
    private long sendSequence;
    private final Heartbeat heartbeat = new Heartbeat();
    private volatile WorkerInfo.State state = WorkerInfo.State.READY;
    private volatile @Nullable String condemnedBecause;
    private final List<Runnable> deliveries = new ArrayList<>();
    private @Nullable Thread reader;

    /** A session whose worker may be sent {@code eventBudget} events before it is recycled, 0 for no limit. */
    WorkerSession(WorkerLink worker, SessionListener listener, JsonMapper mapper, FlowWindow window, long eventBudget) {
        this.worker = worker;
        this.listener = listener;
        this.mapper = mapper;
        this.window = window;
        this.eventBudget = eventBudget;
    }

    int id() {
        return worker.id();
    }

    WorkerLink link() {
        return worker;
    }

    long pid() {
        return worker.pid();
    }

    void startReading(String threadName) {
        Thread thread = new Thread(this::read, threadName);
        thread.setDaemon(true);
        reader = thread;
        thread.start();
    }

    /** Whether the worker takes new events: ready, not retiring, dying nor condemned. */
    boolean isAccepting() {
        return state == WorkerInfo.State.READY && !dying && condemnedBecause == null;
    }

    /** How many more events the worker may be sent now. */
    int freeSlots() {
        if (!isAccepting()) {
            return 0;
        }
        int room = window.room(inFlight.plainCount(), inFlight.count());
        return eventBudget > 0 ? (int) Math.min(room, eventBudget - sent) : room;
    }

    /** How many events the worker holds (sent and not yet answered). */
    int held() {
        return inFlight.count();
    }

    /**
     * Buffers an event for the worker; {@link #flush()} sends it. Under the dispatcher's placing lock.
     *
     * @return false if the worker is gone already: the event was not taken
     */
    synchronized boolean send(PendingEvent event) {
        if (state == WorkerInfo.State.STOPPED) {
            return false;
        }
        event.attempts++;
        sent++;
        event.sendSequence = ++sendSequence;
        event.sentNanos = System.nanoTime();
        event.session = this;
        if (event.stream != null) {
            event.stream.sent();
        }
        inFlight.add(event);
        worker.writer().append(event.frame);
        if (event.cancelRequested) {
            ParentFrames.cancel(worker.writer(), event.id, false);
        }
        return true;
    }

    /** Gives a stream of this worker {@code items} more credit, at once. */
    void credit(PendingEvent event, long items) {
        if (holds(event)) {
            ParentFrames.credit(worker.writer(), event.id, items);
            flush();
        }
    }

    /**
     * Asks the worker to cancel an event at once: a stream stops, an awaited stage is cancelled, a
     * plain event is dropped, or interrupted if {@code interrupt}.
     */
    void cancel(PendingEvent event, boolean interrupt) {
        if (holds(event)) {
            ParentFrames.cancel(worker.writer(), event.id, interrupt);
            flush();
        }
    }

    private boolean holds(PendingEvent event) {
        return state != WorkerInfo.State.STOPPED && event.session == this && inFlight.contains(event.id);
    }

    /** Sends a {@code ping}, at once; its {@code pong} comes back through the reader. */
    void ping(long nowNanos) {
        if (state != WorkerInfo.State.STOPPED) {
            ParentFrames.ping(worker.writer(), heartbeat.pingSent(nowNanos));
            flush();
        }
    }

    Heartbeat heartbeat() {
        return heartbeat;
    }

    /** The asynchronous and streamed events in flight, for the watchdog. */
    List<PendingEvent> concurrentEvents() {
        return inFlight.concurrent();
    }

    /** Tells the worker to forget objects its callers dropped; sent with the next flush. */
    void release(List<Long> objectIds) {
        if (state == WorkerInfo.State.STOPPED) {
            return;
        }
        ParentFrames.release(worker.writer(), objectIds);
        objects.addAndGet(-objectIds.size());
    }

    void objectPlaced() {
        objects.incrementAndGet();
    }

    /** Cached objects and proxies' objects this worker holds, as far as the parent knows. */
    int objectCount() {
        return objects.get();
    }

    int buffered() {
        return worker.writer().buffered();
    }

    /** Sends what is buffered; a failure closes the channel, and the reader reports the worker lost. */
    void flush() {
        try {
            worker.writer().flush();
        } catch (IOException e) {
            worker.closeChannel();
        }
    }

    private void read() {
        boolean bye = false;
        Throwable cause = null;
        WorkerFrameDecoder decoder = new WorkerFrameDecoder(mapper);
        WorkerFrameDecoder.ValueTypes valueTypes = inFlight::valueType;
        worker.reader().setBeforeBlocking(() -> listener.deliverPending(this));
        try {
            FrameReader.Frame raw;
            while ((raw = worker.reader().next()) != null) {
                WorkerFrame frame = decoder.decode(raw, valueTypes);
                if (frame instanceof WorkerFrame.Answer answer) {
                    answer(answer);
                } else if (frame instanceof WorkerFrame.Item item) {
                    item(item);
                } else if (frame instanceof WorkerFrame.Pong) {
                    heartbeat.pong();
                } else if (frame instanceof WorkerFrame.Recycle recycle) {
                    listener.retireRequested(this, "its heap after collection reached " + recycle.heap() + " bytes");
                } else if (frame instanceof WorkerFrame.Bye) {
                    bye = true;
                    break;
                } else {
                    throw new ProtocolException("unexpected frame type \"" + frame.kind().wireName() + "\" from worker " + id());
                }
            }
        } catch (IOException | RuntimeException e) {
            cause = e;
        }
        listener.deliverPending(this);
        listener.ended(this, bye, cause);
    }

    private void answer(WorkerFrame.Answer answer) throws ProtocolException {
        PendingEvent event = inFlight.take(answer.id());
        if (event == null) {
            if (condemnedBecause != null) {
                return;
            }
            throw new ProtocolException("worker " + id() + " answered event " + answer.id()
                    + ", which it was not running");
        }
        if (answer instanceof WorkerFrame.Failure failure && failure.fatal()) {
            dying = true;
            endingSequence = event.sendSequence;
        }
        boolean end = answer instanceof WorkerFrame.End;
        boolean cancelled = answer instanceof WorkerFrame.Cancelled;
        if (!cancelled && end != event.isStream() && !(event.isStream() && answer instanceof WorkerFrame.Failure)) {
            throw new ProtocolException("worker " + id() + " answered event " + answer.id() + " with \""
                    + answer.kind().wireName() + "\", which does not fit a " + event.kind.mode().name().toLowerCase()
                    + " event");
        }
        if (event.isPlain()) {
            lastPlainAnswerNanos = System.nanoTime();
            inFlight.plainAnswered();
            if (!cancelled) {
                window.answered(answer.nanos());
            }
        }
        listener.answered(this, event, answer);
        long done = eventsDone.incrementAndGet();
        int left = inFlight.settle();
        listener.afterAnswer(this, done);
        if (left == 0 && state != WorkerInfo.State.READY) {
            synchronized (drainMonitor) {
                drainMonitor.notifyAll();
            }
            if (state == WorkerInfo.State.RETIRING) {
                sendShutdown();
            }
        }
        listener.capacityChanged(freeSlots(), window.size());
    }

    /** One item of a stream. */
    private void item(WorkerFrame.Item item) throws ProtocolException {
        PendingEvent event = inFlight.get(item.id());
        if (event == null) {
            if (condemnedBecause != null) {
                return;
            }
            throw new ProtocolException("worker " + id() + " sent an item of event " + item.id()
                    + ", which it was not running");
        }
        if (!event.isStream()) {
            throw new ProtocolException("worker " + id() + " sent an item of event " + item.id()
                    + ", which is not a stream");
        }
        listener.item(this, event, item);
    }

    /** Results this session's reader collected for the consumer; reader thread only. */
    List<Runnable> deliveries() {
        return deliveries;
    }

    /** Takes nothing new; shuts the worker down once its events are answered. True if it was ready until now. */
    boolean retire() {
        synchronized (drainMonitor) {
            if (state != WorkerInfo.State.READY) {
                return false;
            }
            state = WorkerInfo.State.RETIRING;
        }
        if (inFlight.count() == 0) {
            sendShutdown();
        }
        return true;
    }

    /** The plain event the worker runs now: it runs them one at a time, in the order sent. */
    @Nullable PendingEvent running() {
        return inFlight.oldestPlain();
    }

    /** When the running event started: when it was sent or the plain one before it was answered. */
    long runningSince(PendingEvent event) {
        return Math.max(event.sentNanos, lastPlainAnswerNanos);
    }

    /** Takes an event away because it timed out, and marks this worker for ending; null if it was answered meanwhile. */
    @Nullable PendingEvent condemn(PendingEvent event, String because) {
        PendingEvent removed = inFlight.remove(event);
        if (removed != null) {
            condemnedBecause = because;
            endingSequence = removed.sendSequence;
        }
        return removed;
    }

    /** The send sequence of the event the worker was condemned for or answered fatally; 0 if none. */
    long endingSequence() {
        return endingSequence;
    }

    @Nullable String condemnedBecause() {
        return condemnedBecause;
    }

    /** Whether the worker said an error was fatal to it: it exits after that answer and runs nothing more. */
    boolean isDying() {
        return dying;
    }

    /** Marks the worker gone and takes every unanswered event away from it, oldest first. */
    synchronized List<PendingEvent> end() {
        state = WorkerInfo.State.STOPPED;
        synchronized (drainMonitor) {
            drainMonitor.notifyAll();
        }
        return inFlight.clear();
    }

    /** Stops sending to this worker and waits up to {@code timeoutNanos} for its answers. */
    boolean drain(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (drainMonitor) {
            if (state == WorkerInfo.State.READY) {
                state = WorkerInfo.State.STOPPING;
            }
            while (inFlight.count() > 0 && state != WorkerInfo.State.STOPPED) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(drainMonitor, remaining);
            }
        }
        return true;
    }

    /**
     * Asks the worker to exit once it answered everything; only the first call sends the frame
     * (retiring, the last answer of a retiring worker and stopping may all ask), so that a second
     * write can never meet the channel the worker closed after its goodbye.
     */
    void sendShutdown() {
        if (!shutdownSent.compareAndSet(false, true)) {
            return;
        }
        try {
            ParentFrames.shutdown(worker.writer());
            worker.writer().flush();
        } catch (IOException | RuntimeException e) {
            worker.closeChannel();
        }
    }

    /** Waits for the reader thread to end. */
    void awaitReader(long millis) throws InterruptedException {
        Thread thread = reader;
        if (thread != null) {
            thread.join(millis);
        }
    }

    WorkerInfo.State state() {
        return state;
    }

    WorkerInfo info() {
        return new WorkerInfo(id(), worker.pid(), state, startedAt, eventsDone.get(), inFlight.count());
    }
}
