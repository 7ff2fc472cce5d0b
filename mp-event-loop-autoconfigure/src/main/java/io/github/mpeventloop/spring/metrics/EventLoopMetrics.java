package io.github.mpeventloop.spring.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventLoopStoppedException;
import io.github.mpeventloop.EventResult;
import io.github.mpeventloop.EventTimeoutException;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.WorkerInfo;
import io.github.mpeventloop.WorkerLostException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer meters of an {@link EventLoop}, every one tagged {@code name=<loop name>}:
 * <ul>
 * <li>{@code mp.event.loop.queued} (gauge): events waiting to be sent to a worker, the queue depth;</li>
 * <li>{@code mp.event.loop.active} (gauge): events sent to workers and not yet answered, in flight;</li>
 * <li>{@code mp.event.loop.workers.live} (gauge): workers ready for events;</li>
 * <li>{@code mp.event.loop.workers.configured} (gauge): the number of workers the loop keeps;</li>
 * <li>{@code mp.event.loop.worker.restarts} (function counter): workers started to replace lost or
 * recycled ones;</li>
 * <li>{@code mp.event.loop.completed} (counter, tag {@code outcome}): results handed to the output
 * handlers, by outcome ({@code SUCCESS}, {@code ERROR}, {@code TIMEOUT}, {@code WORKER_LOST},
 * {@code CANCELLED});
 * failed events are those whose outcome is not {@code SUCCESS};</li>
 * <li>{@code mp.event.loop.execution} (timer, tag {@code outcome}): time the event ran in its worker;</li>
 * <li>{@code mp.event.loop.latency} (timer, tag {@code outcome}): time from submission until the
 * result reached this process.</li>
 * </ul>
 * Completions and timings are recorded by an output handler put first in the loop's chain, which
 * never stops propagation: they cover the results that reach output handlers (not the events
 * submitted with {@code noOutput()}, nor any when the loop has no results).
 */
public class EventLoopMetrics implements MeterBinder {

    private static final String PREFIX = "mp.event.loop.";

    /** How an event ended, the {@code outcome} tag. */
    enum Outcome {
        SUCCESS, ERROR, TIMEOUT, WORKER_LOST, CANCELLED;

        static Outcome of(@Nullable Throwable error) {
            if (error == null) {
                return SUCCESS;
            }
            if (error instanceof EventTimeoutException) {
                return TIMEOUT;
            }
            if (error instanceof WorkerLostException) {
                return WORKER_LOST;
            }
            if (error instanceof EventLoopStoppedException) {
                return CANCELLED;
            }
            return ERROR;
        }
    }

    private final EventLoop loop;
    private final int configuredWorkers;
    private final Tags tags;
    private final List<Meters> bound = new CopyOnWriteArrayList<>();
    private final ResultHandler recorder = new Recorder();

    /**
     * Creates the meters of {@code loop}.
     *
     * @param loop the loop to measure
     * @param configuredWorkers the number of workers the loop was configured with
     * @param tags extra tags for every meter
     */
    public EventLoopMetrics(EventLoop loop, int configuredWorkers, Iterable<Tag> tags) {
        Assert.notNull(loop, "'loop' must not be null");
        this.loop = loop;
        this.configuredWorkers = configuredWorkers;
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
        Gauge.builder(PREFIX + "workers.configured", this, metrics -> metrics.configuredWorkers)
            .description("Workers the event loop keeps running")
            .baseUnit("workers").tags(this.tags).register(registry);
        FunctionCounter.builder(PREFIX + "worker.restarts", this.loop, EventLoop::restarts)
            .description("Workers started to replace lost or recycled ones")
            .baseUnit("workers").tags(this.tags).register(registry);
        this.bound.add(new Meters(registry, this.tags));
        this.loop.insertOutputHandler(0, this.recorder);
    }

    private double liveWorkers() {
        return this.loop.workers().stream().filter(worker -> isServing(worker)).count();
    }

    /** Whether a worker takes or finishes events: ready, or retiring after its last events. */
    static boolean isServing(WorkerInfo worker) {
        return worker.state() == WorkerInfo.State.READY || worker.state() == WorkerInfo.State.RETIRING;
    }

    /** The meters of one registry that the recorder updates. */
    private static final class Meters {

        private final Counter[] completed = new Counter[Outcome.values().length];
        private final Timer[] execution = new Timer[Outcome.values().length];
        private final Timer[] latency = new Timer[Outcome.values().length];

        Meters(MeterRegistry registry, Tags tags) {
            for (Outcome outcome : Outcome.values()) {
                Tags outcomeTags = tags.and("outcome", outcome.name());
                this.completed[outcome.ordinal()] = Counter.builder(PREFIX + "completed")
                    .description("Events whose result reached the output handlers, by outcome")
                    .baseUnit("events").tags(outcomeTags).register(registry);
                this.execution[outcome.ordinal()] = Timer.builder(PREFIX + "execution")
                    .description("Time events ran in a worker")
                    .tags(outcomeTags).register(registry);
                this.latency[outcome.ordinal()] = Timer.builder(PREFIX + "latency")
                    .description("Time from submission until the result reached this process")
                    .tags(outcomeTags).register(registry);
            }
        }

        void record(Outcome outcome, EventResult<?> result) {
            this.completed[outcome.ordinal()].increment();
            this.execution[outcome.ordinal()].record(result.executionTime().toNanos(), TimeUnit.NANOSECONDS);
            this.latency[outcome.ordinal()].record(result.latency().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** The output handler that records every result and passes it on. */
    private final class Recorder implements ResultHandler {

        @Override
        public boolean handle(EventResult<?> result) {
            Outcome outcome = Outcome.of(result.error());
            for (Meters meters : EventLoopMetrics.this.bound) {
                meters.record(outcome, result);
            }
            return false;
        }

        @Override
        public String toString() {
            return "EventLoopMetrics recorder of loop " + EventLoopMetrics.this.loop.name();
        }
    }
}
