package io.github.mpeventloop;

import org.jspecify.annotations.Nullable;

/**
 * One worker's answers to the parent's pings: when the unanswered ping was sent, when the last
 * {@code pong} came, and whether {@link Liveness} declared the worker unresponsive.
 */
final class Heartbeat {

    private volatile long pingSentNanos;
    private volatile long lastPongNanos = System.nanoTime();
    private long seq;
    private volatile @Nullable String unresponsiveBecause;

    /** A ping goes out now; returns its sequence number. */
    synchronized long pingSent(long nowNanos) {
        pingSentNanos = nowNanos;
        return ++seq;
    }

    /** Its pong came back. */
    void pong() {
        lastPongNanos = System.nanoTime();
        pingSentNanos = 0;
    }

    /** When the unanswered ping was sent, 0 if none is. */
    long pingSentNanos() {
        return pingSentNanos;
    }

    long lastPongNanos() {
        return lastPongNanos;
    }

    /** Marks the worker unresponsive, once; true the first time. */
    synchronized boolean declareUnresponsive(String because) {
        if (unresponsiveBecause != null) {
            return false;
        }
        unresponsiveBecause = because;
        return true;
    }

    /** Why the worker was declared unresponsive, or {@code null}. */
    @Nullable String unresponsiveBecause() {
        return unresponsiveBecause;
    }
}
