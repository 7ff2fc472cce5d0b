package io.github.mpeventloop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.wire.WireMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs events in long-lived worker JVMs and hands every result back to output handlers in this
 * process: the Java form of the seed's {@code EventLoop}.
 *
 * <pre>{@code
 * try (EventLoop loop = EventLoop.builder().outputHandlers(ResultHandler.of(r -> results.add(r.value()))).build().start()) {
 *     loop.addEvent(Tasks::addVals, 2, 1);
 *     loop.addEvent(Tasks::addVals, 3, 4);
 * } // close() waits until every event ran and its result was handled, then stops the workers
 * }</pre>
 *
 * <p>Events may be submitted before {@link #start()}; they run once it started. With one worker,
 * events run one at a time in submission order and results reach the handlers in that order; with
 * several ({@link EventLoopBuilder#workers(int)}, the seed's {@code Pool}), each worker keeps that order for
 * the events it gets, and idle workers are not held back by busy ones. Handlers run on the loop's
 * consumer thread, one result at a time.
 *
 * <p>Thread-safe: any thread may submit events.
 */
public final class EventLoop extends EventSubmissions implements AutoCloseable {

    private final LoopSettings settings;
    private final LoopEngine engine;
    private final Submitter submitter;

    private EventLoop(LoopSettings settings, List<ResultHandler> handlers) {
        this.settings = settings;
        JsonMapper mapper = WireMapper.create(settings.wireLimits());
        CachedObjects objects = new CachedObjects();
        this.engine = new LoopEngine(settings, mapper, objects);
        this.submitter = new Submitter(settings, mapper, objects, engine);
        engine.useInitializer(submitter::initializerEvent);
        handlers.forEach(engine.handlers()::add);
        settings.namedTargets().forEach(submitter::register);
    }

    static EventLoop create(LoopSettings settings, List<ResultHandler> handlers) {
        return new EventLoop(settings, handlers);
    }

    /** A builder with the defaults: one process worker, results delivered on a consumer thread. */
    public static EventLoopBuilder builder() {
        return new EventLoopBuilder();
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Starts the workers and waits until each has completed its handshake; events submitted
     * before run now. Does nothing if the loop runs already.
     *
     * @return this loop
     * @throws WorkerStartException if a worker does not come up (the loop is then stopped)
     */
    public EventLoop start() {
        engine.start();
        return this;
    }

    public boolean isRunning() {
        return engine.state() == LoopEngine.State.RUNNING;
    }

    /** Adds the handlers, submits the events, and starts the loop if it is not running. Does not wait. */
    public List<EventFuture<?>> run(Collection<? extends Event<?>> events, ResultHandler... handlers) {
        for (ResultHandler handler : handlers) {
            addOutputHandler(handler);
        }
        List<EventFuture<?>> futures = new ArrayList<>();
        for (Event<?> event : events) {
            futures.add(addEvent(event));
        }
        start();
        return futures;
    }

    /** {@link #run(Collection, ResultHandler...)}, then {@link #close()}: returns when all ran and were handled. */
    public void runUntilComplete(Collection<? extends Event<?>> events, ResultHandler... handlers) {
        run(events, handlers);
        close();
    }

    /**
     * Waits until every submitted event ran and its result was handled (the seed's {@code wait}).
     *
     * @return false if the timeout passed first
     * @throws IllegalStateException if the loop is not running while events wait for it, or if
     *     called from an output handler (it would wait for itself)
     * @throws EventLoopInterruptedException if this thread is interrupted (its flag stays set)
     */
    public boolean awaitIdle(Duration timeout) {
        try {
            return engine.awaitIdle(timeout);
        } catch (InterruptedException e) {
            throw interrupted("awaitIdle", e);
        }
    }

    private EventLoopInterruptedException interrupted(String what, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new EventLoopInterruptedException(what + " on loop " + settings.name() + " was interrupted", e);
    }

    /** {@link #awaitIdle(Duration)} without a time limit. */
    public void awaitIdle() {
        awaitIdle(Duration.ofNanos(Long.MAX_VALUE));
    }

    /**
     * Takes no new events from now on ({@code addEvent} fails with {@link EventLoopStoppedException})
     * while everything accepted still runs: the first step of a graceful shutdown, before
     * {@link #awaitIdle(Duration)} and {@link #stop()}. {@link #start()} takes events again.
     */
    public void stopAccepting() {
        engine.stopAccepting();
    }

    /**
     * Stops the loop: takes no new events while stopping, hands back every event not yet sent to a
     * worker (their futures fail with {@link EventLoopStoppedException}), lets the workers finish
     * the events they have (up to {@link EventLoopBuilder#stopTimeout(Duration)}), delivers their results,
     * and ends the workers. The loop can be started again.
     *
     * @return the events that did not run, in submission order
     */
    public List<Event<?>> stop() {
        return engine.stop();
    }

    /**
     * Waits for every event and its handlers for as long as events keep finishing, then stops.
     * Bounded: once no event finished for the stop timeout ({@link EventLoopBuilder#stopTimeout}),
     * because a target never returns or a worker hangs, it stops anyway, handing back what did not
     * finish ({@link #stop()}). Idempotent. On a loop that never started, the events waiting for it
     * are handed back as by {@link #stop()}.
     *
     * @throws EventLoopInterruptedException if this thread is interrupted while waiting; the loop is
     *     stopped first, and the thread's interrupt flag stays set
     */
    @Override
    public void close() {
        if (isRunning()) {
            try {
                engine.awaitIdleWhileProgressing(settings.stopTimeout());
            } catch (InterruptedException e) {
                stop();
                throw interrupted("close", e);
            }
        }
        stop();
    }

    /**
     * Waits up to {@code timeout} for every event and its handlers, then stops: what did not finish
     * by then is handed back ({@link #stop()}).
     *
     * @return the events that did not run, in submission order
     * @throws EventLoopInterruptedException if this thread is interrupted while waiting; the loop is
     *     stopped first, and the thread's interrupt flag stays set
     */
    public List<Event<?>> close(Duration timeout) {
        if (isRunning()) {
            try {
                engine.awaitIdle(timeout);
            } catch (InterruptedException e) {
                stop();
                throw interrupted("close", e);
            }
        }
        return stop();
    }

    // ---------------------------------------------------------------- handlers

    /** Appends an output handler; a handler already present is not added twice. */
    public EventLoop addOutputHandler(ResultHandler handler) {
        engine.handlers().add(handler);
        return this;
    }

    /** Puts an output handler at {@code index}, moving it there if it is present already. */
    public EventLoop insertOutputHandler(int index, ResultHandler handler) {
        engine.handlers().insert(index, handler);
        return this;
    }

    public boolean removeOutputHandler(ResultHandler handler) {
        return engine.handlers().remove(handler);
    }

    public List<ResultHandler> outputHandlers() {
        return engine.handlers().handlers();
    }

    // ---------------------------------------------------------------- targets by name

    /** Registers {@code target} under {@code name}, for {@link #addEvent(String, Object...)}. */
    public EventLoop register(String name, Target target) {
        submitter.register(name, target);
        return this;
    }

    // ---------------------------------------------------------------- submission

    @Override
    public <R> EventFuture<R> addEvent(Event<R> event) {
        return submitter.submit(event, null, null);
    }

    @Override
    public <T> EventStream<T> addStream(CallEvent<?> event, Class<T> itemType) {
        EventStream<T> handle = new EventStream<>(itemType);
        event.streamed();
        submitter.submit(event, null, handle);
        return handle;
    }

    @Override
    <A> List<EventFuture<Object>> submitBatches(Target.Call1<A, ?> target, List<? extends A> items, int batchSize) {
        return submitter.submitBatches(target, items, batchSize);
    }

    // ---------------------------------------------------------------- cached objects

    /**
     * Keeps a copy of {@code object} in a worker (the seed's {@code cache_object}): it is sent
     * once, and from then on {@link Event#cached() cached} events that use it (by identity) use
     * the worker's live copy. Nothing happens if it is cached already. When this process no
     * longer references the object, the worker's copy is released too.
     *
     * @return the object
     * @throws ArgumentNotTransferableException if the object cannot travel
     */
    public <T> T cacheObject(T object) {
        submitter.cache(object);
        return object;
    }

    /** Sends this process's current copy of a cached object again, replacing the worker's (the seed's {@code re_register}). */
    public <T> EventFuture<T> reRegister(T object) {
        submitter.cache(object);
        return addEvent(new CachedObjectEvent<>(object, CachedObjectEvent.Action.REPLACE));
    }

    /** Whether {@code object} (this very object) is cached. */
    public boolean isObjectCached(Object object) {
        return engine.objects().find(object, false) != null;
    }

    /** Releases the worker's copy of a cached object after the events already submitted on it; false if it was not cached. */
    public boolean releaseObject(Object object) {
        ObjectHandle handle = engine.objects().find(object, false);
        if (handle == null) {
            return false;
        }
        addEvent(new CachedObjectEvent<>(object, CachedObjectEvent.Action.RELEASE));
        engine.objects().forget(handle);
        return true;
    }

    /** Builds a proxy's object in a worker; its handle weakly references the proxy. */
    <T> ObjectHandle createRemote(Proxy<T> proxy, CallEvent<T> creation, boolean rebuildOnLoss) {
        return submitter.createRemote(proxy, creation, rebuildOnLoss);
    }

    /** Calls a method on a proxy's object in its worker. */
    <R> EventFuture<R> callRemote(Proxy<?> proxy, Target method, @Nullable Object... args) {
        return submitter.callRemote(proxy, method, args);
    }

    <V> @Nullable V convert(@Nullable Object value, Class<V> type) {
        return submitter.convert(value, type);
    }

    // ---------------------------------------------------------------- introspection

    public String name() {
        return settings.name();
    }

    /** Events accepted and not yet sent to a worker. */
    public int queueDepth() {
        return engine.queueDepth();
    }

    /** Events sent to workers and not yet answered. */
    public int inFlight() {
        return workers().stream().mapToInt(WorkerInfo::inFlight).sum();
    }

    /** The live workers. */
    public List<WorkerInfo> workers() {
        return engine.workers();
    }

    /**
     * Whether the loop is down: workers could not be kept alive within the restart budget, so it
     * refuses new events until it is stopped and started again.
     */
    public boolean isDown() {
        return engine.downReason() != null;
    }

    /** Why the loop is down, or {@code null}. */
    public @Nullable String downReason() {
        return engine.downReason();
    }

    /** Workers started to replace lost or recycled ones since the loop was built. */
    public long restarts() {
        return engine.restarts();
    }

    @Override
    public String toString() {
        return "EventLoop[" + settings.name() + ", " + engine.state() + ", " + settings.workers() + " "
                + settings.backend() + " worker(s)]";
    }
}
