package io.github.mpeventloop;

import java.time.Instant;

/**
 * A snapshot of one worker, for health and metrics.
 *
 * @param id the worker's id within its loop; replacements get new ids
 * @param pid process id of the worker JVM (this JVM's for the thread backend)
 * @param state what the worker is doing
 * @param startedAt when it became ready
 * @param eventsDone events it finished
 * @param inFlight events sent to it and not yet answered
 */
public record WorkerInfo(int id, long pid, State state, Instant startedAt, long eventsDone, int inFlight) {

    /** Life stages of a worker. */
    public enum State {
        /** Takes events. */
        READY,
        /** Being recycled: finishes what it has, takes nothing new, and is replaced. */
        RETIRING,
        /** Finishes what it has and then exits. */
        STOPPING,
        /** Gone. */
        STOPPED
    }
}
