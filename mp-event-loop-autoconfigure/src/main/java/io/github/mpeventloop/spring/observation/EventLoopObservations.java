package io.github.mpeventloop.spring.observation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventLoopListener;
import io.github.mpeventloop.EventOutcome;
import io.github.mpeventloop.ObservedEvent;
import io.github.mpeventloop.RejectionReason;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Observes every event of one loop with Micrometer: an observation {@value #EVENT} from submission
 * until the event ended in this process, with two phases as child observations,
 * {@value #QUEUE} (from submission until it was sent to a worker) and {@value #EXECUTION} (from
 * then until it ended; once per attempt). The event's observation is a {@link EventObservationContext
 * sender}: with tracing, its span is a child of the observation current in the submitting thread
 * (such as an HTTP request's), and the trace context travels in the event's {@code call} frame to
 * the worker, which puts {@code traceId} and {@code spanId} into its SLF4J MDC while the event runs.
 *
 * <p>Key values: {@value #LOOP} (the loop's name), {@value #STREAM} ({@code true} or {@code false})
 * and {@value #OUTCOME} (an {@link EventOutcome}, or {@code REJECTED}) of low cardinality;
 * {@value #EVENT_ID} and {@value #WORKER_ID} of high cardinality. Stream items are not observed one
 * by one (they are counted by the meters). Nothing is done while the registry has no handler.
 */
public class EventLoopObservations implements EventLoopListener {

    /** Name of the observation of an event. */
    public static final String EVENT = "mp.event.loop.event";
    /** Name of the observation of the time an event waited in the queue. */
    public static final String QUEUE = "mp.event.loop.event.queue";
    /** Name of the observation of the time an event ran in a worker. */
    public static final String EXECUTION = "mp.event.loop.event.execution";
    /** Key of the loop's name. */
    public static final String LOOP = "mp.event.loop.name";
    /** Key of whether the event is a stream. */
    public static final String STREAM = "mp.event.loop.stream";
    /** Key of the event's outcome. */
    public static final String OUTCOME = "mp.event.loop.outcome";
    /** Key of the event's id. */
    public static final String EVENT_ID = "mp.event.loop.event.id";
    /** Key of the worker an execution ran in. */
    public static final String WORKER_ID = "mp.event.loop.worker.id";

    private final String loopName;
    private final ObservationRegistry registry;
    private final Map<ObservedEvent, Phases> open = new ConcurrentHashMap<>();

    /**
     * Creates the observations of {@code loop}'s events; add it to the loop with
     * {@link EventLoop#addListener}.
     *
     * @param loop the loop
     * @param registry where observations go
     */
    public EventLoopObservations(EventLoop loop, ObservationRegistry registry) {
        Assert.notNull(loop, "'loop' must not be null");
        Assert.notNull(registry, "'registry' must not be null");
        this.loopName = loop.name();
        this.registry = registry;
    }

    @Override
    public void accepted(ObservedEvent event) {
        if (this.registry.isNoop()) {
            return;
        }
        EventObservationContext context = new EventObservationContext(this.loopName, event);
        Observation observation = Observation.createNotStarted(EVENT, () -> context, this.registry)
            .contextualName("mp-event-loop " + this.loopName + " event")
            .lowCardinalityKeyValue(LOOP, this.loopName)
            .lowCardinalityKeyValue(STREAM, String.valueOf(event.isStream()))
            .highCardinalityKeyValue(EVENT_ID, String.valueOf(event.id()))
            .start();
        if (observation.isNoop()) {
            return;
        }
        Observation queue = Observation.createNotStarted(QUEUE, this.registry)
            .contextualName("mp-event-loop " + this.loopName + " queue")
            .lowCardinalityKeyValue(LOOP, this.loopName)
            .parentObservation(observation);
        // in the submitting thread, a tracer takes the span in scope (the request's) as the parent
        try (Observation.Scope scope = observation.openScope()) {
            queue.start();
        }
        this.open.put(event, new Phases(observation, context, queue));
    }

    @Override
    public void rejected(ObservedEvent event, RejectionReason reason) {
        Phases phases = this.open.remove(event);
        if (phases != null) {
            phases.end("REJECTED", null);
        }
    }

    @Override
    public void dispatched(ObservedEvent event) {
        Phases phases = this.open.get(event);
        if (phases != null) {
            Observation execution = Observation.createNotStarted(EXECUTION, this.registry)
                .contextualName("mp-event-loop " + this.loopName + " execution")
                .lowCardinalityKeyValue(LOOP, this.loopName)
                .highCardinalityKeyValue(WORKER_ID, String.valueOf(event.workerId()))
                .parentObservation(phases.event);
            // a lone event is sent by the submitting thread itself, where a tracer would take the
            // span in scope (the request's) as the parent
            try (Observation.Scope scope = phases.event.openScope()) {
                phases.executing(execution);
            }
        }
    }

    @Override
    public void completed(ObservedEvent event, EventOutcome outcome, @Nullable Throwable error, long executionNanos) {
        Phases phases = this.open.remove(event);
        if (phases != null) {
            phases.context.setOutcome(outcome);
            phases.end(outcome.name(), error);
        }
    }

    /** Observations of the events under way, for tests and diagnostics. */
    int openCount() {
        return this.open.size();
    }

    /** The observation of one event and of its current phase. */
    private static final class Phases {

        private final Observation event;
        private final EventObservationContext context;
        private @Nullable Observation phase;

        Phases(Observation event, EventObservationContext context, Observation queue) {
            this.event = event;
            this.context = context;
            this.phase = queue;
        }

        synchronized void executing(Observation execution) {
            if (this.phase == null) {
                return;
            }
            this.phase.stop();
            this.phase = execution.start();
        }

        synchronized void end(String outcome, @Nullable Throwable error) {
            Observation current = this.phase;
            this.phase = null;
            if (current != null) {
                if (error != null) {
                    current.error(error);
                }
                current.stop();
            }
            if (error != null) {
                this.event.error(error);
            }
            this.event.lowCardinalityKeyValue(OUTCOME, outcome).stop();
        }
    }
}
