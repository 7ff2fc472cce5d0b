package io.github.mpeventloop.hazelcast;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Puts the pieces of one direction of a session back in order. Several pieces are in flight at
 * once and Hazelcast may run or deliver them in another order, so each carries its sequence number
 * and this hands them on strictly in that order, each once. It also tells how long the piece that
 * has waited longest has waited for one before it, which is how a piece that never comes (a plain
 * topic may drop one) is noticed. Hand-written: it is a map and a counter.
 */
final class Sequencer<T> {

    private record Held<T>(T piece, long arrivedNanos) {
    }

    private final Map<Long, Held<T>> early = new HashMap<>();
    private final Consumer<T> sink;
    private long next;

    Sequencer(Consumer<T> sink) {
        this.sink = sink;
    }

    /** Takes piece {@code seq}; hands it and every piece it was holding back on once it is next. */
    synchronized void accept(long seq, T piece) {
        if (seq < next) {
            return;
        }
        if (seq > next) {
            early.putIfAbsent(seq, new Held<>(piece, System.nanoTime()));
            return;
        }
        next++;
        sink.accept(piece);
        Held<T> ready;
        while ((ready = early.remove(next)) != null) {
            next++;
            sink.accept(ready.piece());
        }
    }

    /** Pieces that arrived ahead of a missing one. */
    synchronized int waiting() {
        return early.size();
    }

    /** The number of the piece expected next. */
    synchronized long next() {
        return next;
    }

    /** How long, at {@code nowNanos}, the piece held back longest has waited; 0 when none waits. */
    synchronized long heldBackNanos(long nowNanos) {
        long longest = 0;
        for (Held<T> held : early.values()) {
            longest = Math.max(longest, Math.max(1, nowNanos - held.arrivedNanos()));
        }
        return longest;
    }
}
