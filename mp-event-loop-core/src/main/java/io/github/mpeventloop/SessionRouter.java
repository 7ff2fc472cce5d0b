package io.github.mpeventloop;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.wire.WorkerFrame;

/**
 * What sessions report, routed to the owner of each: answers to the {@link AnswerPath}, the
 * worker's own news to the {@link Supervisor}, room to the dispatcher's signal, which wakes the
 * dispatcher only if events wait for room. Room is reported once half a worker's window is free,
 * and whenever its reader has read all that arrived, so that under load the dispatcher is woken
 * once per half window and sends a batch, not once per answer.
 */
final class SessionRouter implements SessionListener {

    private final AnswerPath answers;
    private final Supervisor supervisor;
    private final DispatchSignal signal;

    SessionRouter(AnswerPath answers, Supervisor supervisor, DispatchSignal signal) {
        this.answers = answers;
        this.supervisor = supervisor;
        this.signal = signal;
    }

    @Override
    public void answered(WorkerSession session, PendingEvent event, WorkerFrame.Answer answer) {
        answers.answered(session, event, answer);
    }

    @Override
    public void item(WorkerSession session, PendingEvent event, WorkerFrame.Item item) {
        answers.item(session, event, item);
    }

    @Override
    public void deliverPending(WorkerSession session) {
        answers.deliverPending(session);
        signal.roomFreed();
    }

    @Override
    public void afterAnswer(WorkerSession session, long eventsDone) {
        supervisor.afterAnswer(session, eventsDone);
    }

    @Override
    public void retireRequested(WorkerSession session, String because) {
        supervisor.retire(session, because);
    }

    @Override
    public void capacityChanged(int freeSlots, int windowSize) {
        if (2 * freeSlots >= windowSize) {
            signal.roomFreed();
        }
    }

    @Override
    public void ended(WorkerSession session, boolean saidBye, @Nullable Throwable cause) {
        supervisor.sessionEnded(session, saidBye, cause);
    }
}
