package io.github.mpeventloop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * What every worker of a loop runs before anything else, in order: the worker initializer, then
 * each {@link EventLoop#saveVariables saveVariables} step (the seed's {@code initialize_process}
 * and {@code save_variables}). Workers started later, replacements included, run all of them, so
 * every worker of the loop has the same named variables.
 */
final class WorkerSetup {

    private final Submitter submitter;
    private final List<Target.Call0<? extends Map<String, ?>>> steps = new CopyOnWriteArrayList<>();

    WorkerSetup(Submitter submitter, Target.@Nullable Call0<? extends Map<String, ?>> initializer) {
        this.submitter = submitter;
        if (initializer != null) {
            steps.add(initializer);
        }
    }

    void add(Target.Call0<? extends Map<String, ?>> step) {
        steps.add(step);
    }

    /** The setup events of a new worker, in order. */
    List<PendingEvent> firstEvents(int workerId) {
        List<PendingEvent> events = new ArrayList<>();
        for (Target.Call0<? extends Map<String, ?>> step : steps) {
            events.add(submitter.variablesEvent(step, workerId));
        }
        return events;
    }
}
