package io.github.mpeventloop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JavaType;

/**
 * The events sent to one worker and not yet answered, with how many there are, plain and all. An
 * answered event is taken out first and counted off after its answer went its way
 * ({@link #settle}), so that a drain waiting for zero sees its answer delivered.
 */
final class InFlight {

    private final ConcurrentHashMap<Long, PendingEvent> events = new ConcurrentHashMap<>();
    private final AtomicInteger all = new AtomicInteger();
    private final AtomicInteger plain = new AtomicInteger();

    void add(PendingEvent event) {
        events.put(event.id, event);
        all.incrementAndGet();
        if (event.isPlain()) {
            plain.incrementAndGet();
        }
    }

    @Nullable PendingEvent get(long id) {
        return events.get(id);
    }

    /** What a worker's answer to {@code id} is read as: its result type, or nothing when no one waits for it. */
    @Nullable JavaType valueType(long id) {
        PendingEvent event = events.get(id);
        return event == null || !event.hasOutput() ? null : event.resultType;
    }

    boolean contains(long id) {
        return events.containsKey(id);
    }

    /** Takes an answered event out; it still counts until {@link #settle}. */
    @Nullable PendingEvent take(long id) {
        return events.remove(id);
    }

    /** Counts a plain event off the window as soon as its answer is read. */
    void plainAnswered() {
        plain.decrementAndGet();
    }

    /** Counts an answered event off; returns how many are left. */
    int settle() {
        return all.decrementAndGet();
    }

    /** Takes an event out and counts it off at once (it was condemned); null if it was answered meanwhile. */
    @Nullable PendingEvent remove(PendingEvent event) {
        PendingEvent removed = events.remove(event.id);
        if (removed != null) {
            all.decrementAndGet();
            if (removed.isPlain()) {
                plain.decrementAndGet();
            }
        }
        return removed;
    }

    int count() {
        return all.get();
    }

    int plainCount() {
        return plain.get();
    }

    /** The asynchronous and streamed events. */
    List<PendingEvent> concurrent() {
        List<PendingEvent> concurrent = new ArrayList<>();
        for (PendingEvent event : events.values()) {
            if (!event.isPlain()) {
                concurrent.add(event);
            }
        }
        return concurrent;
    }

    /** The plain event sent longest ago, or null. */
    @Nullable PendingEvent oldestPlain() {
        PendingEvent oldest = null;
        for (PendingEvent event : events.values()) {
            if (event.isPlain() && (oldest == null || event.sendSequence < oldest.sendSequence)) {
                oldest = event;
            }
        }
        return oldest;
    }

    /** Takes every event out, oldest first, and counts them all off. */
    List<PendingEvent> clear() {
        List<PendingEvent> left = new ArrayList<>(events.values());
        events.clear();
        all.set(0);
        plain.set(0);
        left.sort(Comparator.comparingLong(event -> event.sendSequence));
        return left;
    }
}
