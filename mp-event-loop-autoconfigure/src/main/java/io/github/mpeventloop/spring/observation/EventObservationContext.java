package io.github.mpeventloop.spring.observation;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.EventOutcome;
import io.github.mpeventloop.ObservedEvent;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

/**
 * The context of the observation of one event: a {@link SenderContext} whose carrier is the event,
 * so that a propagating tracing handler writes the trace context ({@code traceparent}, {@code b3})
 * into the event's {@code call} frame ({@link ObservedEvent#carry}), for the worker's MDC.
 */
public class EventObservationContext extends SenderContext<ObservedEvent> {

    private final String loopName;
    private final ObservedEvent event;
    private volatile @Nullable EventOutcome outcome;

    /**
     * Creates the context of {@code event}.
     *
     * @param loopName the name of the event's loop
     * @param event the event
     */
    public EventObservationContext(String loopName, ObservedEvent event) {
        super((carrier, key, value) -> {
            if (carrier != null) {
                carrier.carry(key, value);
            }
        }, Kind.PRODUCER);
        this.loopName = loopName;
        this.event = event;
        setCarrier(event);
        setRemoteServiceName("mp-event-loop-" + loopName);
    }

    /** The name of the event's loop. */
    public String getLoopName() {
        return this.loopName;
    }

    /** The event. */
    public ObservedEvent getEvent() {
        return this.event;
    }

    /** How the event ended, once it did. */
    public @Nullable EventOutcome getOutcome() {
        return this.outcome;
    }

    void setOutcome(EventOutcome outcome) {
        this.outcome = outcome;
    }
}
