package io.github.mpeventloop;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The loop as its {@link Dispatcher} sees it: its workers, and where events that cannot go end. */
final class DispatchRoute implements Dispatcher.Loop {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);

    private final LoopSettings settings;
    private final BooleanSupplier dispatching;
    private final WorkerPool pool;
    private final AnswerPath answers;
    private final CachedObjects objects;
    private final LoopListeners listeners;

    DispatchRoute(LoopSettings settings, BooleanSupplier dispatching, WorkerPool pool, AnswerPath answers,
            CachedObjects objects, LoopListeners listeners) {
        this.settings = settings;
        this.listeners = listeners;
        this.dispatching = dispatching;
        this.pool = pool;
        this.answers = answers;
        this.objects = objects;
    }

    @Override
    public boolean dispatching() {
        return dispatching.getAsBoolean();
    }

    @Override
    public List<WorkerSession> sessions() {
        return pool.sessions();
    }

    @Override
    public void fail(PendingEvent event, RuntimeException error) {
        answers.fail(event, error, 0, 0);
    }

    @Override
    public void cancelled(PendingEvent event) {
        answers.cancelled(event, 0);
    }

    @Override
    public @Nullable PendingEvent rebuild(ObjectHandle handle) {
        PendingEvent creation = handle.revive();
        if (creation != null) {
            LOG.warn("Loop {}: object {} was lost ({}); it is built again from its factory in another worker, "
                    + "with its state afresh", settings.name(), handle, handle.lostBecauseBeforeRevival());
        }
        return creation;
    }

    @Override
    public void dispatched(PendingEvent event) {
        if (event.observed) {
            listeners.dispatched(event);
        }
    }

    @Override
    public void releaseDropped() {
        objects.releaseDropped(false);
    }
}
