package io.github.mpeventloop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The live workers of a loop; every change wakes the dispatcher. */
final class WorkerPool {

    private final CopyOnWriteArrayList<WorkerSession> sessions = new CopyOnWriteArrayList<>();
    private final DispatchSignal signal;

    WorkerPool(DispatchSignal signal) {
        this.signal = signal;
    }

    void add(WorkerSession session) {
        sessions.add(session);
        signal.wake();
    }

    void remove(WorkerSession session) {
        sessions.remove(session);
        signal.wake();
    }

    List<WorkerSession> sessions() {
        return sessions;
    }

    boolean isEmpty() {
        return sessions.isEmpty();
    }
}
