package io.github.mpeventloop.spring;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.WorkerInfo;

/**
 * Ties an {@link EventLoop} to the application context: its workers start with the context and,
 * on shutdown, it stops taking events, drains (waits up to the drain timeout for queued and
 * running events and their output handlers), then stops; whatever could not run is failed by the
 * loop and logged here. The
 * drain runs on a thread of its own, so the lifecycle thread is not blocked.
 *
 * <p>The default phase, {@link #DEFAULT_PHASE}, lies just inside the web server's: workers are
 * ready before the first request, and the web server has drained its requests (which may still
 * submit events and get results) before the loop stops taking events.
 */
public class EventLoopLifecycle implements SmartLifecycle {

    /** Default phase: starts before and stops after Spring Boot's web server (MAX - 2048, MAX - 1024). */
    public static final int DEFAULT_PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger LOG = LoggerFactory.getLogger(EventLoopLifecycle.class);
    private static final int KEYS_LOGGED = 20;

    private final EventLoop loop;
    private final Duration drainTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean autoStartup = true;
    private int phase = DEFAULT_PHASE;
    private volatile @Nullable Thread stopping;

    /**
     * Creates the lifecycle of {@code loop}.
     *
     * @param loop the loop to start and stop
     * @param drainTimeout how long a stop waits for the loop to become idle before it stops it
     */
    public EventLoopLifecycle(EventLoop loop, Duration drainTimeout) {
        Assert.notNull(loop, "'loop' must not be null");
        Assert.isTrue(!drainTimeout.isNegative(), "'drainTimeout' must not be negative");
        this.loop = loop;
        this.drainTimeout = drainTimeout;
    }

    /** The loop this lifecycle starts and stops. */
    public EventLoop getEventLoop() {
        return this.loop;
    }

    @Override
    public void start() {
        this.lock.lock();
        try {
            awaitStopping();
            if (!this.loop.isRunning()) {
                this.loop.start();
                LOG.info("Event loop '{}' started with worker(s) {}", this.loop.name(), describe(this.loop.workers()));
            }
        } finally {
            this.lock.unlock();
        }
    }

    @Override
    public void stop() {
        this.lock.lock();
        try {
            if (this.loop.isRunning()) {
                drainAndStop();
            }
        } finally {
            this.lock.unlock();
        }
    }

    @Override
    public void stop(Runnable callback) {
        this.lock.lock();
        try {
            if (!this.loop.isRunning()) {
                callback.run();
                return;
            }
            Thread thread = new Thread(() -> {
                try {
                    drainAndStop();
                } finally {
                    this.stopping = null;
                    callback.run();
                }
            }, "mp-event-loop-" + this.loop.name() + "-shutdown");
            this.stopping = thread;
            thread.start();
        } finally {
            this.lock.unlock();
        }
    }

    private void drainAndStop() {
        this.loop.stopAccepting();
        LOG.debug("Event loop '{}' draining: {} queued, {} in flight", this.loop.name(), this.loop.queueDepth(),
                this.loop.inFlight());
        boolean idle;
        try {
            idle = this.loop.awaitIdle(this.drainTimeout);
        } catch (IllegalStateException ex) {
            idle = false;
        }
        if (!idle) {
            LOG.warn("Event loop '{}' did not drain within {}: {} event(s) queued, {} in flight; stopping it",
                    this.loop.name(), this.drainTimeout, this.loop.queueDepth(), this.loop.inFlight());
        }
        List<Event<?>> notRun = this.loop.stop();
        if (!notRun.isEmpty()) {
            LOG.warn("Event loop '{}' stopped; {} event(s) did not run and were failed (keys: {}{})", this.loop.name(),
                    notRun.size(), notRun.stream().limit(KEYS_LOGGED).map(Event::key).map(String::valueOf)
                        .collect(Collectors.joining(", ")),
                    (notRun.size() > KEYS_LOGGED) ? ", ..." : "");
        } else {
            LOG.info("Event loop '{}' stopped", this.loop.name());
        }
    }

    private void awaitStopping() {
        Thread thread = this.stopping;
        if (thread != null) {
            try {
                thread.join(TimeUnit.MINUTES.toMillis(1));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String describe(List<WorkerInfo> workers) {
        return workers.stream().map(w -> w.id() + " (pid " + w.pid() + ")").collect(Collectors.joining(", "));
    }

    @Override
    public boolean isRunning() {
        return this.loop.isRunning();
    }

    @Override
    public boolean isAutoStartup() {
        return this.autoStartup;
    }

    /**
     * Sets whether the loop starts with the application context.
     *
     * @param autoStartup false to leave starting to the application
     */
    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    /** Spring Boot's web servers are not paused either: the loop keeps running through a context pause. */
    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public int getPhase() {
        return this.phase;
    }

    /**
     * Sets the lifecycle phase.
     *
     * @param phase the phase, {@link #DEFAULT_PHASE} unless set
     */
    public void setPhase(int phase) {
        this.phase = phase;
    }
}
