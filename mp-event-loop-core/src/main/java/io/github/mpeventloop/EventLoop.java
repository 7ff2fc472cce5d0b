package io.github.mpeventloop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import java.util.concurrent.Executor;
import java.util.function.LongFunction;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.call.LambdaTargets;
import io.github.mpeventloop.internal.call.TargetPolicy;
import io.github.mpeventloop.internal.wire.WireMapper;
import io.github.mpeventloop.spi.LaunchSettings;
import io.github.mpeventloop.spi.WorkerLauncherFactory;
import io.github.mpeventloop.worker.WorkerMain;
import tools.jackson.databind.JavaType;
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
 * several ({@link Builder#workers(int)}, the seed's {@code Pool}), each worker keeps that order for
 * the events it gets, and idle workers are not held back by busy ones. Handlers run on the loop's
 * consumer thread, one result at a time.
 *
 * <p>Thread-safe: any thread may submit events.
 */
public final class EventLoop implements AutoCloseable {

    private final LoopSettings settings;
    private final LoopEngine engine;
    private final Map<String, LambdaTargets.Captured> namedTargets = new java.util.concurrent.ConcurrentHashMap<>();
    private final CachedObjects objects;
    private final LoopListeners listeners;

    private EventLoop(LoopSettings settings, List<ResultHandler> handlers, List<EventLoopListener> listeners) {
        this.settings = settings;
        JsonMapper mapper = WireMapper.create();
        this.objects = new CachedObjects();
        this.listeners = new LoopListeners(listeners);
        this.engine = new LoopEngine(settings, mapper, objects, this.listeners);
        handlers.forEach(engine.handlers()::add);
        settings.namedTargets().forEach(this::register);
    }

    /** A builder with the defaults: one process worker, results delivered on a consumer thread. */
    public static Builder builder() {
        return new Builder();
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
     */
    public boolean awaitIdle(Duration timeout) {
        try {
            return engine.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
     * the events they have (up to {@link Builder#stopTimeout(Duration)}), delivers their results,
     * and ends the workers. The loop can be started again.
     *
     * @return the events that did not run, in submission order
     */
    public List<Event<?>> stop() {
        return engine.stop();
    }

    /**
     * Waits for every event and its handlers ({@link #awaitIdle()}), then stops. Idempotent. On a
     * loop that never started, the events waiting for it are handed back as by {@link #stop()}.
     */
    @Override
    public void close() {
        if (isRunning()) {
            awaitIdle();
        }
        stop();
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

    // ---------------------------------------------------------------- listeners

    /**
     * Adds a listener of every event and worker of this loop from now on; a listener present
     * already is not added twice. See {@link Builder#listener(EventLoopListener)} to see every event
     * from the first.
     */
    public EventLoop addListener(EventLoopListener listener) {
        listeners.add(listener);
        return this;
    }

    public boolean removeListener(EventLoopListener listener) {
        return listeners.remove(listener);
    }

    /** The loop's own counts of events and workers since it was built, whatever the output handlers do. */
    public EventLoopStats stats() {
        return listeners.stats();
    }

    // ---------------------------------------------------------------- targets by name

    /** Registers {@code target} under {@code name}, for {@link #addEvent(String, Object...)}. */
    public EventLoop register(String name, Target target) {
        LambdaTargets.Captured captured = LambdaTargets.describe(target);
        TargetPolicy.check(captured.target().descriptor());
        namedTargets.put(name, captured);
        return this;
    }

    // ---------------------------------------------------------------- submission

    /**
     * Submits an event. Its arguments are encoded now, in this thread: a value that cannot travel
     * is refused here ({@link ArgumentNotTransferableException}, {@link FrameTooLargeException})
     * and nothing is queued. When the queue is full this waits for room as configured, then fails
     * with {@link EventRejectedException}.
     *
     * @return the event's future, which completes when its answer arrives
     */
    public <R> EventFuture<R> addEvent(Event<R> event) {
        return submit(event, null);
    }

    private <R> EventFuture<R> submit(Event<R> event, @Nullable Proxy<?> proxy) {
        return submit(event, proxy, null);
    }

    @SuppressWarnings("unchecked")
    private <R> EventFuture<R> submit(Event<R> event, @Nullable Proxy<?> proxy, @Nullable EventStream<?> handle) {
        CallEncoder encoder = engine.encoder();
        PendingEvent pending;
        if (event instanceof CallEvent<?> call) {
            LambdaTargets.Captured target = resolve(call);
            CallShape shape = call.shape();
            List<ObjectHandle> pins = new ArrayList<>();
            if (event.isCached()) {
                shape = withCachedObjects(shape, target, call.argsArray(), pins);
            }
            if (proxy != null) {
                pins.add(proxy.handle());
            }
            CallShape finalShape = shape;
            JavaType declared = encoder.resultType(target.target());
            CallKind kind = proxy != null ? CallKind.plain(declared)
                    : encoder.kindOf(declared, call.isStreamed() || handle != null,
                            call.stageValue() && call.targetName() == null);
            requireStream(kind, handle, call);
            pending = engine.submit(event, id -> encoder.encodeCall(id, event.hasOutput(), target.target(),
                    target.values(), call.argsArray(), finalShape, kind), kind, handle, pins, proxy);
        } else if (event instanceof CachedObjectEvent<?> objectEvent) {
            pending = submitObjectEvent(objectEvent);
        } else {
            CallKind kind = encoder.kindOf(encoder.resultType(event), handle != null, true);
            requireStream(kind, handle, event);
            pending = engine.submit(event, id -> encoder.encodeEvent(id, event.hasOutput(), event, kind), kind, handle,
                    List.of(), null);
        }
        return (EventFuture<R>) (EventFuture<?>) pending.future;
    }

    private static void requireStream(CallKind kind, @Nullable EventStream<?> handle, Event<?> event) {
        if (handle != null && kind.mode() != CallKind.Mode.STREAM) {
            throw new IllegalArgumentException("addStream needs a target whose result can be streamed (a Stream, an "
                    + "Iterator, an Iterable or a Flow.Publisher): " + event);
        }
    }

    // ---------------------------------------------------------------- streams and asynchronous targets

    /**
     * Submits a streamed call (marking it {@link CallEvent#streamed()}) and returns the handle that
     * consumes its items. The items also reach the output handlers, one result each
     * ({@link EventResult#isItem()}), then the end ({@link EventResult#isEndOfStream()}). Inside a
     * worker, streams advance round-robin, one item at a time, with each other and with the calls
     * queued behind them; the worker sends at most a window of items ahead of what the handle's
     * consumer took, so the handle must be consumed (or cancelled).
     */
    public EventStream<Object> addStream(CallEvent<?> event) {
        return addStream(event, Object.class);
    }

    /** {@link #addStream(CallEvent)}, with items checked to be of {@code itemType}. */
    public <T> EventStream<T> addStream(CallEvent<?> event, Class<T> itemType) {
        EventStream<T> handle = new EventStream<>(itemType);
        event.streamed();
        submit(event, null, handle);
        return handle;
    }

    /** Streams the items of the target registered under {@code name}; see {@link #addStream(CallEvent)}. */
    public EventStream<Object> addStream(String name, @Nullable Object... args) {
        return addStream(Event.named(name, args));
    }

    /** Streams the items of {@code target()}; see {@link #addStream(CallEvent)}. */
    @SuppressWarnings("unchecked")
    public <T> EventStream<T> addStream(Target.Call0<? extends Stream<T>> target) {
        return (EventStream<T>) (EventStream<?>) addStream(Event.of(target));
    }

    /** Streams the items of {@code target(a)}; see {@link #addStream(CallEvent)}. */
    @SuppressWarnings("unchecked")
    public <A, T> EventStream<T> addStream(Target.Call1<A, ? extends Stream<T>> target, @Nullable A a) {
        return (EventStream<T>) (EventStream<?>) addStream(Event.of(target, a));
    }

    /** Streams the items of {@code target(a, b)}; see {@link #addStream(CallEvent)}. */
    @SuppressWarnings("unchecked")
    public <A, B, T> EventStream<T> addStream(Target.Call2<A, B, ? extends Stream<T>> target, @Nullable A a,
            @Nullable B b) {
        return (EventStream<T>) (EventStream<?>) addStream(Event.of(target, a, b));
    }

    /** Streams the items of {@code target(a, b, c)}; see {@link #addStream(CallEvent)}. */
    @SuppressWarnings("unchecked")
    public <A, B, C, T> EventStream<T> addStream(Target.Call3<A, B, C, ? extends Stream<T>> target, @Nullable A a,
            @Nullable B b, @Nullable C c) {
        return (EventStream<T>) (EventStream<?>) addStream(Event.of(target, a, b, c));
    }

    /**
     * Submits {@code target()}, which returns a {@link CompletionStage}: the worker awaits it
     * without blocking (any number of such events run in one worker at once) and the future
     * completes with the stage's value. Submitted with {@code addEvent} instead, such a target is
     * awaited the same way, but its future completes with a completed stage (the target's declared
     * type); a target called by name gives the value.
     */
    public <R> EventFuture<R> addAsync(Target.Call0<? extends CompletionStage<R>> target) {
        return addEvent(Event.of(target).<R>awaitingValue());
    }

    /** {@code target(a)}, awaited; see {@link #addAsync(Target.Call0)}. */
    public <A, R> EventFuture<R> addAsync(Target.Call1<A, ? extends CompletionStage<R>> target, @Nullable A a) {
        return addEvent(Event.of(target, a).<R>awaitingValue());
    }

    /** {@code target(a, b)}, awaited; see {@link #addAsync(Target.Call0)}. */
    public <A, B, R> EventFuture<R> addAsync(Target.Call2<A, B, ? extends CompletionStage<R>> target, @Nullable A a,
            @Nullable B b) {
        return addEvent(Event.of(target, a, b).<R>awaitingValue());
    }

    /** {@code target(a, b, c)}, awaited; see {@link #addAsync(Target.Call0)}. */
    public <A, B, C, R> EventFuture<R> addAsync(Target.Call3<A, B, C, ? extends CompletionStage<R>> target,
            @Nullable A a, @Nullable B b, @Nullable C c) {
        return addEvent(Event.of(target, a, b, c).<R>awaitingValue());
    }

    /** Replaces the receiver and arguments that are cached objects with references; caches a bound receiver. */
    private CallShape withCachedObjects(CallShape shape, LambdaTargets.Captured target, @Nullable Object[] args,
            List<ObjectHandle> pins) {
        Map<Integer, Long> refs = new java.util.HashMap<>(shape.refs());
        Object[] captured = target.values();
        boolean boundReceiver = captured.length > 0
                && target.target().descriptor().kind() == io.github.mpeventloop.internal.call.TargetDescriptor.Kind.INSTANCE;
        for (int slot = 0; slot < captured.length + args.length; slot++) {
            Object value = slot < captured.length ? captured[slot] : args[slot - captured.length];
            if (value == null || isValue(value)) {
                continue;
            }
            ObjectHandle handle = slot == 0 && boundReceiver ? cache(value) : objects.find(value, false);
            if (handle != null) {
                refs.put(slot, handle.id);
                pins.add(handle);
            }
        }
        return new CallShape(refs, shape.vars(), shape.storeResult(), shape.mirror(), shape.init());
    }

    /** Values that are never cached, as the seed never registered strings and numbers. */
    private static boolean isValue(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?>;
    }

    private PendingEvent submitObjectEvent(CachedObjectEvent<?> event) {
        CallEncoder encoder = engine.encoder();
        Object object = event.object();
        ObjectHandle handle = objects.find(object, false);
        if (handle == null) {
            throw new IllegalArgumentException("the object is not cached in loop " + settings.name()
                    + "; cache it first with cacheObject(object): " + object.getClass().getName());
        }
        switch (event.action()) {
            case READ:
                return engine.submit(event, id -> encoder.encodeObjectCall(id, "read", handle.id),
                        engine.typeOf(handle.type), List.of(handle), null);
            case RELEASE:
                return engine.submit(event, id -> encoder.encodeObjectCall(id, "release", handle.id),
                        engine.typeOf(Void.class), List.of(handle), null);
            default:
                boolean replace = event.action() == CachedObjectEvent.Action.REPLACE;
                return engine.submit(event, id -> encoder.encodeStore(id, handle.id, object, replace),
                        engine.typeOf(Void.class), List.of(handle), null);
        }
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
        cache(object);
        return object;
    }

    private ObjectHandle cache(Object object) {
        synchronized (objects) {
            ObjectHandle handle = objects.find(object, false);
            if (handle != null) {
                return handle;
            }
            handle = objects.find(object, true);
            try {
                submitObjectEvent(new CachedObjectEvent<>(object, CachedObjectEvent.Action.STORE));
            } catch (RuntimeException e) {
                objects.forget(handle);
                throw e;
            }
            return handle;
        }
    }

    /** Sends this process's current copy of a cached object again, replacing the worker's (the seed's {@code re_register}). */
    public <T> EventFuture<T> reRegister(T object) {
        cache(object);
        return addEvent(new CachedObjectEvent<>(object, CachedObjectEvent.Action.REPLACE));
    }

    /** Whether {@code object} (this very object) is cached. */
    public boolean isObjectCached(Object object) {
        return objects.find(object, false) != null;
    }

    /** Releases the worker's copy of a cached object after the events already submitted on it; false if it was not cached. */
    public boolean releaseObject(Object object) {
        ObjectHandle handle = objects.find(object, false);
        if (handle == null) {
            return false;
        }
        addEvent(new CachedObjectEvent<>(object, CachedObjectEvent.Action.RELEASE));
        objects.forget(handle);
        return true;
    }

    /** Builds a proxy's object in a worker; its handle weakly references the proxy. */
    <T> ObjectHandle createRemote(Proxy<T> proxy, CallEvent<T> creation, boolean rebuildOnLoss) {
        ObjectHandle handle = objects.remoteOnly(proxy, proxy.type());
        creation.shape(new CallShape(Map.of(), Map.of(), handle.id, proxy.mirrored(), false));
        LambdaTargets.Captured target = resolve(creation);
        CallEncoder encoder = engine.encoder();
        LongFunction<byte[]> encode = id -> encoder.encodeCall(id, false, target.target(), target.values(),
                creation.argsArray(), creation.shape());
        engine.submit(creation, encode, encoder.resultType(target.target()), List.of(handle), proxy);
        proxy.called();
        if (rebuildOnLoss) {
            handle.rebuildWith(() -> {
                PendingEvent again = engine.prepare(creation, encode, CallKind.plain(encoder.resultType(target.target())),
                        null, List.of(handle), proxy);
                proxy.called();
                return again;
            });
        }
        return handle;
    }

    /** Calls a method on a proxy's object in its worker; the receiver slot is the proxy's object. */
    <R> EventFuture<R> callRemote(Proxy<?> proxy, Target method, @Nullable Object... args) {
        Object[] values = new Object[args.length + 1];
        System.arraycopy(args, 0, values, 1, args.length);
        CallEvent<R> call = new CallEvent<R>(method, null, values)
                .shape(new CallShape(Map.of(0, proxy.handle().id), Map.of(), 0, proxy.mirrored(), false));
        EventFuture<R> future = submit(call, proxy);
        proxy.called();
        return future;
    }

    <V> @Nullable V convert(@Nullable Object value, Class<V> type) {
        return engine.convert(value, type);
    }

    // ---------------------------------------------------------------- named variables

    /** Calls {@code method} on the worker's variable {@code name}, made by the worker initializer (the seed's {@code add_var_event}). */
    public <T, R> EventFuture<R> addVarEvent(String name, Target.Call1<T, R> method) {
        return addEvent(onVariable(name, method));
    }

    public <T, A, R> EventFuture<R> addVarEvent(String name, Target.Call2<T, A, R> method, @Nullable A a) {
        return addEvent(onVariable(name, method, a));
    }

    public <T> EventFuture<Void> addVarEvent(String name, Target.Run1<T> method) {
        return addEvent(onVariable(name, method));
    }

    public <T, A> EventFuture<Void> addVarEvent(String name, Target.Run2<T, A> method, @Nullable A a) {
        return addEvent(onVariable(name, method, a));
    }

    private static <R> CallEvent<R> onVariable(String name, Target method, @Nullable Object... args) {
        Object[] values = new Object[args.length + 1];
        System.arraycopy(args, 0, values, 1, args.length);
        return new CallEvent<R>(method, null, values)
                .shape(new CallShape(Map.of(), Map.of(0, name), 0, List.of(), false));
    }

    private LambdaTargets.Captured resolve(CallEvent<?> call) {
        Target target = call.target();
        if (target != null) {
            LambdaTargets.Captured captured = LambdaTargets.describe(target);
            TargetPolicy.check(captured.target().descriptor());
            return captured;
        }
        LambdaTargets.Captured named = namedTargets.get(call.targetName());
        if (named == null) {
            throw new UnknownTargetException("no target is registered under the name '" + call.targetName()
                    + "' in loop " + settings.name() + "; registered: " + new java.util.TreeSet<>(namedTargets.keySet()));
        }
        return named;
    }

    /** Submits a call of the target registered under {@code name}; its value is read as the target declares it. */
    public EventFuture<Object> addEvent(String name, @Nullable Object... args) {
        return addEvent(Event.named(name, args));
    }

    /** Submits {@code target()}; see {@link #addEvent(Event)}. */
    public <R> EventFuture<R> addEvent(Target.Call0<R> target) {
        return addEvent(Event.of(target));
    }

    /** Submits {@code target()}, which returns nothing; see {@link #addEvent(Event)}. */
    public EventFuture<Void> addEvent(Target.Run0 target) {
        return addEvent(Event.of(target));
    }

    /** Submits {@code target(a)}; see {@link #addEvent(Event)}. */
    public <A, R> EventFuture<R> addEvent(Target.Call1<A, R> target, @Nullable A a) {
        return addEvent(Event.of(target, a));
    }

    /** Submits {@code target(a)}, which returns nothing; see {@link #addEvent(Event)}. */
    public <A> EventFuture<Void> addEvent(Target.Run1<A> target, @Nullable A a) {
        return addEvent(Event.of(target, a));
    }

    /** Submits {@code target(a, b)}; see {@link #addEvent(Event)}. */
    public <A, B, R> EventFuture<R> addEvent(Target.Call2<A, B, R> target, @Nullable A a, @Nullable B b) {
        return addEvent(Event.of(target, a, b));
    }

    /** Submits {@code target(a, b)}, which returns nothing; see {@link #addEvent(Event)}. */
    public <A, B> EventFuture<Void> addEvent(Target.Run2<A, B> target, @Nullable A a, @Nullable B b) {
        return addEvent(Event.of(target, a, b));
    }

    /** Submits {@code target(a, b, c)}; see {@link #addEvent(Event)}. */
    public <A, B, C, R> EventFuture<R> addEvent(Target.Call3<A, B, C, R> target, @Nullable A a, @Nullable B b, @Nullable C c) {
        return addEvent(Event.of(target, a, b, c));
    }

    /** Submits {@code target(a, b, c)}, which returns nothing; see {@link #addEvent(Event)}. */
    public <A, B, C> EventFuture<Void> addEvent(Target.Run3<A, B, C> target, @Nullable A a, @Nullable B b, @Nullable C c) {
        return addEvent(Event.of(target, a, b, c));
    }

    /** Submits {@code target(a, b, c, d)}; see {@link #addEvent(Event)}. */
    public <A, B, C, D, R> EventFuture<R> addEvent(Target.Call4<A, B, C, D, R> target, @Nullable A a, @Nullable B b, @Nullable C c, @Nullable D d) {
        return addEvent(Event.of(target, a, b, c, d));
    }

    /** Submits {@code target(a, b, c, d)}, which returns nothing; see {@link #addEvent(Event)}. */
    public <A, B, C, D> EventFuture<Void> addEvent(Target.Run4<A, B, C, D> target, @Nullable A a, @Nullable B b, @Nullable C c, @Nullable D d) {
        return addEvent(Event.of(target, a, b, c, d));
    }
    /**
     * Runs {@code target} on every item (the seed's {@code Pool.map}) and waits: one event per
     * item, spread over the workers; the results also reach the output handlers.
     *
     * @return the values in the order of the items
     * @throws RuntimeException the first failure, as the event's future reports it
     */
    public <A, R> List<R> map(Target.Call1<A, R> target, Iterable<? extends A> items) {
        List<EventFuture<R>> futures = new ArrayList<>();
        for (A item : items) {
            futures.add(addEvent(target, item));
        }
        List<R> values = new ArrayList<>(futures.size());
        for (EventFuture<R> future : futures) {
            try {
                values.add(future.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        return values;
    }

    /**
     * Runs {@code target} on every item and waits, {@code batchSize} items to an event: a worker
     * gets a batch in one frame, runs the target on each item and answers with the list of their
     * values. Much faster than one event per item when items are small; the output handlers see
     * one result per batch, whose value is the list of that batch's values.
     *
     * @return the values in the order of the items
     * @throws RuntimeException the first failure, naming the item of its batch
     */
    public <A, R> List<R> map(Target.Call1<A, R> target, List<? extends A> items, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        LambdaTargets.Captured resolved = LambdaTargets.describe(target);
        TargetPolicy.check(resolved.target().descriptor());
        CallEncoder encoder = engine.encoder();
        tools.jackson.databind.JavaType listType = engine.listOf(encoder.resultType(resolved.target()));
        List<EventFuture<Object>> futures = new ArrayList<>();
        for (int from = 0; from < items.size(); from += batchSize) {
            List<? extends A> batch = items.subList(from, Math.min(items.size(), from + batchSize));
            CallEvent<Object> event = new CallEvent<>(target, null, batch.toArray());
            futures.add(engine.submit(event, id -> encoder.encodeBatch(id, true, resolved.target(), resolved.values(),
                    batch), listType, List.of(), null).future);
        }
        List<R> values = new ArrayList<>(items.size());
        for (EventFuture<Object> future : futures) {
            try {
                @SuppressWarnings("unchecked")
                List<R> batchValues = (List<R>) future.join();
                values.addAll(batchValues);
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        return values;
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

    /** The number of workers the loop keeps running ({@link Builder#workers(int)}). */
    public int configuredWorkers() {
        return settings.workers();
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

    /** Configures an {@link EventLoop}. */
    public static final class Builder {

        private String name = "main";
        private int workers = 1;
        private Backend backend = Backend.PROCESS;
        private final List<String> jvmOptions = new ArrayList<>();
        private String javaExecutable = LaunchSettings.currentJava();
        private String classPath = System.getProperty("java.class.path", "");
        private String workerMainClass = WorkerMain.class.getName();
        private Duration startTimeout = Duration.ofSeconds(30);
        private int maxFrameBytes = 16 << 20;
        private int queueCapacity = 100_000;
        private @Nullable Duration blockWhenFull = Duration.ofSeconds(30);
        private boolean hasResults = true;
        private @Nullable ResultConsumer consumer;
        private @Nullable Executor handlerExecutor;
        private Duration stopTimeout = Duration.ofSeconds(30);
        private int maxInFlightPerWorker = 512;
        private final List<ResultHandler> handlers = new ArrayList<>();
        private final List<EventLoopListener> listeners = new ArrayList<>();
        private final Map<String, Target> namedTargets = new LinkedHashMap<>();
        private @Nullable Duration eventTimeout;
        private int maxRestarts = 5;
        private Duration restartWindow = Duration.ofSeconds(30);
        private Duration restartBackoff = Duration.ofMillis(100);
        private Duration maxRestartBackoff = Duration.ofSeconds(5);
        private long recycleAfterEvents;
        private long recycleAboveHeapBytes;
        private Target.@Nullable Call0<? extends Map<String, ?>> workerInitializer;
        private boolean classDataSharing = true;
        private @Nullable WorkerLauncherFactory workerLauncher;

        private Builder() {
        }

        /** The loop's name, used in thread names, logs and metrics. Default {@code main}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Number of workers (the seed's {@code Pool(processes=n)}). Default 1. */
        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, was " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** Child JVMs (default) or threads of this JVM (the seed's {@code use()}). */
        public Builder backend(Backend backend) {
            this.backend = backend;
            return this;
        }

        /** Options for every worker JVM, such as {@code -Xmx256m}. */
        public Builder jvmOptions(String... options) {
            jvmOptions.addAll(List.of(options));
            return this;
        }

        /** The {@code java} workers run; default the one running this JVM. */
        public Builder javaExecutable(String javaExecutable) {
            this.javaExecutable = javaExecutable;
            return this;
        }

        /** The workers' class path; default this JVM's {@code java.class.path}. */
        public Builder classPath(String classPath) {
            this.classPath = classPath;
            return this;
        }

        /** A main class of the worker JVM that does its own set-up and then calls {@link WorkerMain#main}. */
        public Builder workerMainClass(Class<?> mainClass) {
            this.workerMainClass = mainClass.getName();
            return this;
        }

        /** How long a worker may take to start and complete its handshake. Default 30 s. */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = positive(startTimeout, "startTimeout");
            return this;
        }

        /** Largest frame, in bytes, either way; larger arguments are refused at submission. Default 16 MiB. */
        public Builder maxFrameBytes(int maxFrameBytes) {
            if (maxFrameBytes < 64 * 1024) {
                throw new IllegalArgumentException("maxFrameBytes must be at least 65536, was " + maxFrameBytes);
            }
            this.maxFrameBytes = maxFrameBytes;
            return this;
        }

        /** Events that may wait for a worker. Default 100,000. */
        public Builder queueCapacity(int queueCapacity) {
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1, was " + queueCapacity);
            }
            this.queueCapacity = queueCapacity;
            return this;
        }

        /** When the queue is full, {@code addEvent} waits up to {@code timeout} for room, then fails. Default 30 s. */
        public Builder blockWhenFull(Duration timeout) {
            this.blockWhenFull = positive(timeout, "blockWhenFull");
            return this;
        }

        /** When the queue is full, {@code addEvent} fails at once with {@link EventRejectedException}. */
        public Builder rejectWhenFull() {
            this.blockWhenFull = null;
            return this;
        }

        /** Whether results reach output handlers; {@code false} runs no consumer thread. Default true. */
        public Builder hasResults(boolean hasResults) {
            this.hasResults = hasResults;
            return this;
        }

        /** Output handlers, in order. */
        public Builder outputHandlers(ResultHandler... handlers) {
            this.handlers.addAll(List.of(handlers));
            return this;
        }

        /** A listener of every event and worker of the loop, from the first (see {@link EventLoopListener}). */
        public Builder listener(EventLoopListener listener) {
            this.listeners.add(listener);
            return this;
        }

        /** A consumer shared with other loops (the seed's shared {@code consumer_queue}); its owner closes it. */
        public Builder consumer(ResultConsumer consumer) {
            this.consumer = consumer;
            return this;
        }

        /** Runs the handlers on this executor (a GUI's event thread) instead of the consumer thread. */
        public Builder handlerExecutor(Executor executor) {
            this.handlerExecutor = executor;
            return this;
        }

        /** How long {@link EventLoop#stop()} lets workers finish their events before ending them. Default 30 s. */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = positive(stopTimeout, "stopTimeout");
            return this;
        }

        /** Most events sent to one worker ahead of its answers. Default 512. */
        public Builder maxInFlightPerWorker(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxInFlightPerWorker must be at least 1, was " + max);
            }
            this.maxInFlightPerWorker = max;
            return this;
        }

        /** Registers a target by name (the seed's registered coroutine names). */
        public Builder register(String name, Target target) {
            namedTargets.put(name, target);
            return this;
        }

        /** Default timeout of every event (see {@link Event#timeout(Duration)}); none by default. */
        public Builder eventTimeout(Duration timeout) {
            this.eventTimeout = positive(timeout, "eventTimeout");
            return this;
        }

        /**
         * At most {@code maxRestarts} workers replaced within {@code window}; one more loss takes
         * the loop down (it refuses new events) instead of restarting in a loop. Default 5 in 30 s.
         */
        public Builder restartBudget(int maxRestarts, Duration window) {
            if (maxRestarts < 0) {
                throw new IllegalArgumentException("maxRestarts must not be negative, was " + maxRestarts);
            }
            this.maxRestarts = maxRestarts;
            this.restartWindow = positive(window, "restart window");
            return this;
        }

        /**
         * Wait before replacing a lost worker: none when no other worker was replaced within the
         * restart window, else {@code initial}, doubled for each further recent restart, at most
         * {@code max}. Default 100 ms and 5 s.
         */
        public Builder restartBackoff(Duration initial, Duration max) {
            if (initial.isNegative() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("restart back-off must be 0 <= initial <= max, was " + initial
                        + " and " + max);
            }
            this.restartBackoff = initial;
            this.maxRestartBackoff = max;
            return this;
        }

        /** Replaces a worker, between events, after it ran {@code events} events; 0 (default) never. */
        public Builder recycleAfterEvents(long events) {
            if (events < 0) {
                throw new IllegalArgumentException("recycleAfterEvents must not be negative, was " + events);
            }
            this.recycleAfterEvents = events;
            return this;
        }

        /**
         * Replaces a worker, between events, once its heap in use after a collection passes
         * {@code bytes}; 0 (default) never.
         */
        public Builder recycleAboveHeap(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("recycleAboveHeap must not be negative, was " + bytes);
            }
            this.recycleAboveHeapBytes = bytes;
            return this;
        }

        /**
         * Runs once in every worker, replacements included, before its first event (the seed's
         * {@code initialize_process}); the objects it returns become the worker's named variables,
         * for {@link EventLoop#addVarEvent(String, Target.Call1)}.
         */
        public Builder workerInitializer(Target.Call0<? extends Map<String, ?>> initializer) {
            this.workerInitializer = initializer;
            return this;
        }

        /**
         * Whether worker JVMs start from a class-data sharing archive, kept per JDK and class path
         * in the temporary directory (about half the start-up time and less memory). Used when the
         * class path is made of jar files and workers run this JVM's {@code java}. Default true.
         */
        public Builder classDataSharing(boolean enabled) {
            this.classDataSharing = enabled;
            return this;
        }

        /**
         * Starts workers with a launcher of another module (such as the Hazelcast backend of
         * {@code mp-event-loop-hazelcast}) instead of the one {@link #backend(Backend)} names. The
         * factory is called at every {@link EventLoop#start()} with the loop's launch settings; the
         * launcher's workers speak the same frames and handshake. {@code null} (default) uses the backend.
         */
        public Builder workerLauncher(@Nullable WorkerLauncherFactory factory) {
            this.workerLauncher = factory;
            return this;
        }

        private static Duration positive(Duration value, String what) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + value);
            }
            return value;
        }

        public EventLoop build() {
            LoopSettings settings = new LoopSettings(name, workers, backend, List.copyOf(jvmOptions), javaExecutable,
                    classPath, workerMainClass, startTimeout, maxFrameBytes, queueCapacity, blockWhenFull, hasResults,
                    consumer, handlerExecutor, stopTimeout, maxInFlightPerWorker, Map.copyOf(namedTargets), eventTimeout,
                    maxRestarts, restartWindow, restartBackoff, maxRestartBackoff, recycleAfterEvents,
                    recycleAboveHeapBytes, workerInitializer, classDataSharing, workerLauncher);
            return new EventLoop(settings, List.copyOf(handlers), List.copyOf(listeners));
        }
    }
}
