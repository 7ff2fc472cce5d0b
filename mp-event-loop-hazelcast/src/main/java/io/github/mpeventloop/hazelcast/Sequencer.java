package io.github.mpeventloop.hazelcast;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Puts the pieces of one direction of a session back in order. Several pieces are in flight at
 * once (see {@link Pump}) and Hazelcast may run or deliver them in another order, so each carries
 * its sequence number and this hands them on strictly in that order, each once. Hand-written: it
 * is a map and a counter.
 */
final class Sequencer<T> {

    private final Map<Long, T> early = new HashMap<>();
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
        early.put(seq, piece);
        T ready;
        while ((ready = early.remove(next)) != null) {
            next++;
            sink.accept(ready);
        }
    }

    /** Pieces that arrived ahead of a missing one. */
    synchronized int waiting() {
        return early.size();
    }
}
