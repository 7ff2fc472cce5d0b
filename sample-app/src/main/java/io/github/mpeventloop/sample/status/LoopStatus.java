package io.github.mpeventloop.sample.status;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of the event loop for the status panel.
 *
 * @param name the loop's name
 * @param status {@code UP} while workers serve, {@code DOWN} when the loop is down
 * @param downReason why the loop is down, or {@code null}
 * @param workers the live workers
 * @param queued events waiting for a worker (meter {@code mp.event.loop.queued}); {@code null} when
 *        a meter is missing, as for the other meters
 * @param active events in workers (meter {@code mp.event.loop.active})
 * @param liveWorkers workers serving (meter {@code mp.event.loop.workers.live})
 * @param restarts workers started to replace lost ones (meter {@code mp.event.loop.worker.restarts})
 * @param completed results by outcome (meter {@code mp.event.loop.completed})
 * @param eventsPerSecond results per second over the last few seconds
 * @param lostWorkers the workers lost lately, the latest first: those not yet replaced are shown as
 *        lost workers in the table, all of them in the list of losses
 */
public record LoopStatus(String name, String status, @Nullable String downReason, List<Worker> workers,
        @Nullable Double queued, @Nullable Double active, @Nullable Double liveWorkers, double restarts,
        Map<String, Double> completed, double eventsPerSecond, List<LostWorker> lostWorkers) {

    /**
     * One worker.
     *
     * @param id its id within the loop; a replacement gets a new one
     * @param pid process id of its JVM
     * @param state what it is doing
     * @param uptimeSeconds seconds since it became ready
     * @param eventsDone events it finished
     * @param inFlight events it holds
     */
    public record Worker(int id, long pid, String state, long uptimeSeconds, long eventsDone, int inFlight) {
    }
}
