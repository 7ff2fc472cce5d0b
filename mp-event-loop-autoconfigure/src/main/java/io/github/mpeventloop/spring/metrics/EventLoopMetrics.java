package io.github.mpeventloop.spring.metrics;

import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventLoopListener;
import io.github.mpeventloop.EventLoopStats;
import io.github.mpeventloop.EventOutcome;
import io.github.mpeventloop.ObservedEvent;
import io.github.mpeventloop.RejectionReason;
import io.github.mpeventloop.WorkerInfo;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer meters of an {@link EventLoop}, every one tagged {@code name=<loop name>}. Counts are
 * read from the loop's own counters ({@link EventLoop#stats()}), timings from an
 * {@link EventLoopListener}: both sit on the loop's own path, so they cover every event, whatever
 * the output handlers do and whether the event asked for output or not.
 * <ul>
 * <li>{@code mp.event.loop.queued} (gauge): events waiting to be sent to a worker, the queue depth;</li>
 * <li>{@code mp.event.loop.active} (gauge): events sent to workers and not yet answered, in flight;</li>
 * <li>{@code mp.event.loop.workers.live} (gauge): workers ready for events;</li>
 * <li>{@code mp.event.loop.workers.configured} (gauge): the number of workers the loop keeps, read
 * from the loop;</li>
 * <li>{@code mp.event.loop.worker.restarts} (function counter): workers started to replace lost or
 * recycled ones;</li>
 * <li>{@code mp.event.loop.workers.ended} (function counter, tag {@code reason}: {@code LOST},
 * {@code HUNG}, {@code RECYCLED}): workers that ended while the loop ran;</li>
 * <li>{@code mp.event.loop.accepted} (function counter): events the loop took;</li>
 * <li>{@code mp.event.loop.rejected} (function counter, tag {@code reason}, a
 * {@link RejectionReason}): events refused at submission;</li>
 * <li>{@code mp.event.loop.completed} (function counter, tag {@code outcome}, an
 * {@link EventOutcome}): events that ended; a stream counts once, at its end;</li>
 * <li>{@code mp.event.loop.stream.items} (function counter): items of streamed calls, apart from
 * events;</li>
 * <li>{@code mp.event.loop.queue.wait} (timer): time from submission until an event was sent to a
 * worker, once per attempt;</li>
 * <li>{@code mp.event.loop.execution} (timer, tag {@code outcome}): time an event ran in its worker,
 * as the worker measured it (events that did not run are not recorded);</li>
 * <li>{@code mp.event.loop.latency} (timer, tag {@code outcome}): time from submission until the
 * event ended in this process.</li>
 * </ul>
 * Every tag has a fixed set of values.
 */
public class EventLoopMetrics implements MeterBinder {

    private static final String PREFIX = "mp.event.loop.";

    private final EventLoop loop;
    private final Tags tags;

    /**
     * Creates the meters of {@code loop}.
     *
     * @param loop the loop to measure
     * @param tags extra tags for every meter
     */
    public EventLoopMetrics(EventLoop loop, Iterable<Tag> tags) {
        Assert.notNull(loop, "'loop' must not be null");
        this.loop = loop;
        this.tags = Tags.of("name", loop.name()).and(tags);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(PREFIX + "queued", this.loop, EventLoop::queueDepth)
            .description("Events accepted and waiting to be sent to a worker")
            .baseUnit("events").tags(this.tags).register(registry);
        Gauge.builder(PREFIX + "active", this.loop, EventLoop::inFlight)
            .description("Events sent to workers and not yet answered")
            .baseUnit("events").tags(this.tags).register(registry);
        Gauge.builder(PREFIX + "workers.live", this, EventLoopMetrics::liveWorkers)
            .description("Workers ready for events")
            .baseUnit("workers").tags(this.tags).register(registry);
        Gauge.builder(PREFIX + "workers.configured", this.loop, EventLoop::configuredWorkers)
            .description("Workers the event loop keeps running")
            .baseUnit("workers").tags(this.tags).register(registry);
        FunctionCounter.builder(PREFIX + "worker.restarts", this.loop, EventLoop::restarts)
            .description("Workers started to replace lost or recycled ones")
            .baseUnit("workers").tags(this.tags).register(registry);
        count(registry, "workers.ended", "Workers that ended while the loop ran, by reason", "workers",
                this.tags.and("reason", "LOST"), EventLoopStats::workersLost);
        count(registry, "workers.ended", "Workers that ended while the loop ran, by reason", "workers",
                this.tags.and("reason", "HUNG"), EventLoopStats::workersHung);
        count(registry, "workers.ended", "Workers that ended while the loop ran, by reason", "workers",
                this.tags.and("reason", "RECYCLED"), EventLoopStats::workersRecycled);
        count(registry, "accepted", "Events the loop took", "events", this.tags, EventLoopStats::accepted);
        for (RejectionReason reason : RejectionReason.values()) {
            count(registry, "rejected", "Events refused at submission, by reason", "events",
                    this.tags.and("reason", reason.name()), stats -> stats.rejected(reason));
        }
        for (EventOutcome outcome : EventOutcome.values()) {
            count(registry, "completed", "Events that ended, by outcome; a stream counts once", "events",
                    this.tags.and("outcome", outcome.name()), stats -> stats.completed(outcome));
        }
        count(registry, "stream.items", "Items of streamed calls", "items", this.tags, EventLoopStats::items);
        this.loop.addListener(new Timings(registry, this.tags));
    }

    private void count(MeterRegistry registry, String name, String description, String unit, Tags meterTags,
            ToLongFunction<EventLoopStats> count) {
        FunctionCounter.builder(PREFIX + name, this.loop, loop -> count.applyAsLong(loop.stats()))
            .description(description).baseUnit(unit).tags(meterTags).register(registry);
    }

    private double liveWorkers() {
        return this.loop.workers().stream().filter(EventLoopMetrics::isServing).count();
    }

    /** Whether a worker takes or finishes events: ready, or retiring after its last events. */
    static boolean isServing(WorkerInfo worker) {
        return worker.state() == WorkerInfo.State.READY || worker.state() == WorkerInfo.State.RETIRING;
    }

    @Override
    public String toString() {
        return "EventLoopMetrics of loop " + this.loop.name();
    }

    /** The listener that records the timers of one registry. */
    private static final class Timings implements EventLoopListener {

        private final Timer queueWait;
        private final Timer[] execution = new Timer[EventOutcome.values().length];
        private final Timer[] latency = new Timer[EventOutcome.values().length];

        Timings(MeterRegistry registry, Tags tags) {
            this.queueWait = Timer.builder(PREFIX + "queue.wait")
                .description("Time from submission until an event was sent to a worker")
                .tags(tags).register(registry);
            for (EventOutcome outcome : EventOutcome.values()) {
                Tags outcomeTags = tags.and("outcome", outcome.name());
                this.execution[outcome.ordinal()] = Timer.builder(PREFIX + "execution")
                    .description("Time events ran in a worker")
                    .tags(outcomeTags).register(registry);
                this.latency[outcome.ordinal()] = Timer.builder(PREFIX + "latency")
                    .description("Time from submission until the event ended in this process")
                    .tags(outcomeTags).register(registry);
            }
        }

        @Override
        public void dispatched(ObservedEvent event) {
            this.queueWait.record(event.queueWaitNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public void completed(ObservedEvent event, EventOutcome outcome, @Nullable Throwable error,
                long executionNanos) {
            if (executionNanos > 0) {
                this.execution[outcome.ordinal()].record(executionNanos, TimeUnit.NANOSECONDS);
            }
            this.latency[outcome.ordinal()].record(event.ageNanos(), TimeUnit.NANOSECONDS);
        }
    }
}
