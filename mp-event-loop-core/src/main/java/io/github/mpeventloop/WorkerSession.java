package io.github.mpeventloop;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.Frames;
import io.github.mpeventloop.internal.wire.ProtocolException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parent's side of one worker: the events sent to it and not yet answered, the thread that
 * reads its answers, and its window, the number of events it may hold at once. The window starts
 * at one and follows the worker's measured execution time so that about two milliseconds of work
 * wait in it: trivial events travel in large batches, while long events are handed out one at a
 * time, so that a busy worker does not hold events back from an idle one.
 *
 * <p>Only plain events count against the window: an asynchronous or streamed event occupies the
 * worker's event thread only for moments, so any number of them (up to the maximum window) may be
 * in flight besides the plain ones.
 *
 * <p>A worker is retired (recycled) by taking nothing new and shutting it down once its events
 * are answered; it is condemned when one of its events timed out, and then ended by force.
 */
final class WorkerSession {

    private static final long QUEUED_WORK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final WorkerLink worker;
    private final LoopEngine engine;
    private final JsonMapper mapper;
    private final int maxWindow;
    private final long eventBudget;
    private long sent;
    private volatile boolean dying;
    private final AtomicInteger objects = new AtomicInteger();
    private final Instant startedAt = Instant.now();
    private final ConcurrentHashMap<Long, PendingEvent> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger inFlightCount = new AtomicInteger();
    private final AtomicInteger plainInFlight = new AtomicInteger();
    private volatile long lastPlainAnswerNanos;
    /** Send sequence of the event this worker was condemned for, or of its fatal answer; 0 for none. */
    private volatile long endingSequence;
    private final AtomicLong eventsDone = new AtomicLong();
    private final Object drainMonitor = new Object();
    private long sendSequence;
    private volatile long lastAnswerNanos;
    private volatile int window = 1;
    private volatile WorkerInfo.State state = WorkerInfo.State.READY;
    private volatile @Nullable String condemnedBecause;
    private double averageNanos = -1;
    private final List<Runnable> deliveries = new ArrayList<>();
    private @Nullable Thread reader;

    /**
     * @param eventBudget events this worker may be sent before it is recycled, 0 for no limit
     */
    WorkerSession(WorkerLink worker, LoopEngine engine, JsonMapper mapper, int maxWindow, long eventBudget) {
        this.worker = worker;
        this.engine = engine;
        this.mapper = mapper;
        this.maxWindow = maxWindow;
        this.eventBudget = eventBudget;
    }

    int id() {
        return worker.id();
    }

    WorkerLink worker() {
        return worker;
    }

    void startReading(String threadName) {
        Thread thread = new Thread(this::read, threadName);
        thread.setDaemon(true);
        reader = thread;
        thread.start();
    }

    /** How many more events the worker may be sent now. */
    int freeSlots() {
        if (state != WorkerInfo.State.READY || dying || condemnedBecause != null) {
            return 0;
        }
        int room = Math.min(window - plainInFlight.get(), maxWindow - inFlightCount.get());
        return eventBudget > 0 ? (int) Math.min(room, eventBudget - sent) : room;
    }

    /**
     * Buffers an event for the worker; {@link #flush()} sends it. Dispatcher thread only.
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
        inFlight.put(event.id, event);
        inFlightCount.incrementAndGet();
        if (event.isPlain()) {
            plainInFlight.incrementAndGet();
        }
        worker.writer().append(event.frame);
        if (event.cancelRequested) {
            appendCancel(event.id);
        }
        return true;
    }

    /** Gives a stream of this worker {@code items} more credit, at once. */
    void credit(PendingEvent event, long items) {
        if (state == WorkerInfo.State.STOPPED || event.session != this || !inFlight.containsKey(event.id)) {
            return;
        }
        try {
            Frames.append(worker.writer(), mapper, Frames.CREDIT, out -> {
                out.writeNumberProperty("id", event.id);
                out.writeNumberProperty("items", items);
            });
        } catch (RuntimeException e) {
            return;
        }
        flush();
    }

    /** Asks the worker to stop a stream or cancel an awaited stage, at once. */
    void cancel(PendingEvent event) {
        if (state == WorkerInfo.State.STOPPED || event.session != this || !inFlight.containsKey(event.id)) {
            return;
        }
        appendCancel(event.id);
        flush();
    }

    private void appendCancel(long id) {
        Frames.append(worker.writer(), mapper, Frames.CANCEL, out -> out.writeNumberProperty("id", id));
    }

    /** The asynchronous and streamed events in flight, for the watchdog. */
    List<PendingEvent> concurrentEvents() {
        List<PendingEvent> events = new ArrayList<>();
        for (PendingEvent event : inFlight.values()) {
            if (!event.isPlain()) {
                events.add(event);
            }
        }
        return events;
    }

    /** Tells the worker to forget objects its callers dropped; sent with the next flush. */
    void release(List<Long> objectIds) {
        if (state == WorkerInfo.State.STOPPED) {
            return;
        }
        Frames.append(worker.writer(), mapper, Frames.RELEASE, out -> {
            out.writeArrayPropertyStart("objects");
            for (long id : objectIds) {
                out.writeNumber(id);
            }
            out.writeEndArray();
        });
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
        AnswerReader answers = new AnswerReader(mapper);
        worker.reader().setBeforeBlocking(() -> engine.deliverPending(this));
        try {
            FrameReader.Frame frame;
            while ((frame = worker.reader().next()) != null) {
                AnswerReader.Answer answer = answers.read(frame, inFlight::get);
                String type = answer.type;
                if (Frames.RESULT.equals(type) || Frames.ERROR.equals(type) || Frames.END.equals(type)) {
                    answer(answer);
                } else if (Frames.ITEM.equals(type)) {
                    item(answer);
                } else if (Frames.RECYCLE.equals(type)) {
                    engine.retire(this, "its heap after collection reached " + answer.heap + " bytes");
                } else if (Frames.BYE.equals(type)) {
                    bye = true;
                    break;
                } else {
                    throw new ProtocolException("unexpected frame type \"" + type + "\" from worker " + id());
                }
            }
        } catch (IOException | RuntimeException e) {
            cause = e;
        }
        engine.deliverPending(this);
        engine.sessionEnded(this, bye, cause);
    }

    private void answer(AnswerReader.Answer answer) throws ProtocolException {
        PendingEvent event = inFlight.remove(answer.id);
        lastAnswerNanos = System.nanoTime();
        if (event == null) {
            if (condemnedBecause != null) {
                return;
            }
            throw new ProtocolException("worker " + id() + " answered event " + answer.id
                    + ", which it was not running");
        }
        if (answer.fatal) {
            dying = true;
            endingSequence = event.sendSequence;
        }
        boolean end = Frames.END.equals(answer.type);
        if (end != event.isStream() && !(event.isStream() && Frames.ERROR.equals(answer.type))) {
            throw new ProtocolException("worker " + id() + " answered event " + answer.id + " with \"" + answer.type
                    + "\", which does not fit a " + event.kind.mode().name().toLowerCase() + " event");
        }
        if (event.isPlain()) {
            lastPlainAnswerNanos = lastAnswerNanos;
            plainInFlight.decrementAndGet();
            adaptWindow(Math.max(0, answer.nanos));
        }
        engine.answered(this, event, answer);
        long done = eventsDone.incrementAndGet();
        int left = inFlightCount.decrementAndGet();
        engine.afterAnswer(this, done);
        if (left == 0 && state != WorkerInfo.State.READY) {
            synchronized (drainMonitor) {
                drainMonitor.notifyAll();
            }
            if (state == WorkerInfo.State.RETIRING) {
                sendShutdown();
            }
        }
        engine.capacityChanged();
    }

    /** One item of a stream. */
    private void item(AnswerReader.Answer answer) throws ProtocolException {
        PendingEvent event = inFlight.get(answer.id);
        if (event == null) {
            if (condemnedBecause != null) {
                return;
            }
            throw new ProtocolException("worker " + id() + " sent an item of event " + answer.id
                    + ", which it was not running");
        }
        if (!event.isStream()) {
            throw new ProtocolException("worker " + id() + " sent an item of event " + answer.id
                    + ", which is not a stream");
        }
        engine.item(this, event, answer);
    }

    private void adaptWindow(long nanos) {
        averageNanos = averageNanos < 0 ? nanos : averageNanos * 0.875 + nanos * 0.125;
        long fit = 1 + (long) (QUEUED_WORK_NANOS / Math.max(1.0, averageNanos));
        window = (int) Math.max(1, Math.min(maxWindow, fit));
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
        if (inFlightCount.get() == 0) {
            sendShutdown();
        }
        return true;
    }

    /**
     * The plain event sent longest ago and not answered, which is the one the worker runs now (it
     * runs its plain events one at a time in the order sent; asynchronous and streamed events do
     * not hold its thread), with when it started: when it was sent or when the plain one before it
     * was answered, whichever is later.
     */
    @Nullable PendingEvent running() {
        PendingEvent oldest = null;
        for (PendingEvent event : inFlight.values()) {
            if (event.isPlain() && (oldest == null || event.sendSequence < oldest.sendSequence)) {
                oldest = event;
            }
        }
        return oldest;
    }

    long runningSince(PendingEvent event) {
        return Math.max(event.sentNanos, lastPlainAnswerNanos);
    }

    /** Takes an event away because it timed out, and marks this worker for ending; null if it was answered meanwhile. */
    @Nullable PendingEvent condemn(PendingEvent event, String because) {
        PendingEvent removed = inFlight.remove(event.id);
        if (removed != null) {
            condemnedBecause = because;
            endingSequence = removed.sendSequence;
            inFlightCount.decrementAndGet();
            if (removed.isPlain()) {
                plainInFlight.decrementAndGet();
            }
        }
        return removed;
    }

    /**
     * The send sequence of the event the worker was condemned for, or of the event it answered
     * with a fatal error; 0 if neither happened. Of the events still unanswered, only asynchronous
     * and streamed ones sent before it can have started.
     */
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
        List<PendingEvent> left = new ArrayList<>(inFlight.values());
        inFlight.clear();
        inFlightCount.set(0);
        plainInFlight.set(0);
        left.sort(Comparator.comparingLong(event -> event.sendSequence));
        return left;
    }

    /** Stops sending to this worker and waits up to {@code timeoutNanos} for its answers. */
    boolean drain(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (drainMonitor) {
            if (state == WorkerInfo.State.READY) {
                state = WorkerInfo.State.STOPPING;
            }
            while (inFlightCount.get() > 0 && state != WorkerInfo.State.STOPPED) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(drainMonitor, remaining);
            }
        }
        return true;
    }

    /** Asks the worker to exit once it answered everything. */
    void sendShutdown() {
        try {
            Frames.append(worker.writer(), mapper, Frames.SHUTDOWN, out -> { });
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
        return new WorkerInfo(id(), worker.pid(), state, startedAt, eventsDone.get(), inFlightCount.get());
    }
}
