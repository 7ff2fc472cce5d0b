package io.github.mpeventloop;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a worker that stopped answering (stopped with SIGSTOP, deadlocked in native code, swapped
 * out for good): on the loop's timer, each worker is sent a {@code ping} on its channel, which the
 * worker's frame reader answers with a {@code pong} even while an event runs. A worker that has not
 * answered its ping within the liveness timeout is declared unresponsive: logged, ended and
 * replaced; its events fail with a {@link WorkerLostException} saying so (or are retried, if they
 * asked).
 */
final class Liveness {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
    private static final Duration LONGEST_INTERVAL = Duration.ofSeconds(5);

    private final LoopSettings settings;
    private final WorkerPool pool;
    private final long timeoutNanos;
    private final long intervalNanos;

    Liveness(LoopSettings settings, WorkerPool pool) {
        this.settings = settings;
        this.pool = pool;
        this.timeoutNanos = settings.livenessTimeout().toNanos();
        this.intervalNanos = Math.min(LONGEST_INTERVAL.toNanos(), timeoutNanos / 3);
    }

    /** How often the timer should call {@link #check()}. */
    Duration period() {
        return Duration.ofNanos(Math.max(Duration.ofMillis(50).toNanos(), intervalNanos / 2));
    }

    /** One look at every worker: ping those due, declare those overdue. */
    void check() {
        long now = System.nanoTime();
        for (WorkerSession session : pool.sessions()) {
            Heartbeat heartbeat = session.heartbeat();
            long sent = heartbeat.pingSentNanos();
            if (sent != 0 && now - sent > timeoutNanos) {
                declareUnresponsive(session);
            } else if (sent == 0 && now - heartbeat.lastPongNanos() >= intervalNanos) {
                session.ping(now);
            }
        }
    }

    private void declareUnresponsive(WorkerSession session) {
        String because = "unresponsive: it did not answer a ping within " + settings.livenessTimeout();
        if (!session.heartbeat().declareUnresponsive(because)) {
            return;
        }
        LOG.error("Loop {}: worker {} (pid {}) is {}; it is ended and replaced", settings.name(), session.id(),
                session.pid(), because);
        session.link().destroy();
    }
}
