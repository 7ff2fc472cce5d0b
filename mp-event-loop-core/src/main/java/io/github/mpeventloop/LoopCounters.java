package io.github.mpeventloop;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/** The loop's own counters, always on: one {@link LongAdder} per count, read by {@link EventLoop#stats()}. */
final class LoopCounters implements EventLoopListener {

    private final LongAdder accepted = new LongAdder();
    private final LongAdder[] rejected = adders(RejectionReason.values().length);
    private final LongAdder dispatched = new LongAdder();
    private final LongAdder[] completed = adders(EventOutcome.values().length);
    private final LongAdder items = new LongAdder();
    private final LongAdder workersStarted = new LongAdder();
    private final LongAdder workersLost = new LongAdder();
    private final LongAdder workersHung = new LongAdder();
    private final LongAdder workersRecycled = new LongAdder();

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    @Override
    public void accepted(ObservedEvent event) {
        accepted.increment();
    }

    @Override
    public void rejected(ObservedEvent event, RejectionReason reason) {
        rejected[reason.ordinal()].increment();
    }

    @Override
    public void dispatched(ObservedEvent event) {
        dispatched.increment();
    }

    @Override
    public void item(ObservedEvent event, long index) {
        items.increment();
    }

    @Override
    public void completed(ObservedEvent event, EventOutcome outcome, @Nullable Throwable error, long executionNanos) {
        completed[outcome.ordinal()].increment();
    }

    @Override
    public void workerStarted(WorkerInfo worker) {
        workersStarted.increment();
    }

    @Override
    public void workerLost(WorkerInfo worker, String reason) {
        workersLost.increment();
    }

    @Override
    public void workerHung(WorkerInfo worker, String reason) {
        workersHung.increment();
    }

    @Override
    public void workerRecycled(WorkerInfo worker, String reason) {
        workersRecycled.increment();
    }

    EventLoopStats snapshot() {
        Map<RejectionReason, Long> rejectedByReason = new EnumMap<>(RejectionReason.class);
        for (RejectionReason reason : RejectionReason.values()) {
            rejectedByReason.put(reason, rejected[reason.ordinal()].sum());
        }
        Map<EventOutcome, Long> completedByOutcome = new EnumMap<>(EventOutcome.class);
        for (EventOutcome outcome : EventOutcome.values()) {
            completedByOutcome.put(outcome, completed[outcome.ordinal()].sum());
        }
        return new EventLoopStats(accepted.sum(), rejectedByReason, dispatched.sum(), completedByOutcome, items.sum(),
                workersStarted.sum(), workersLost.sum(), workersHung.sum(), workersRecycled.sum());
    }
}
