package io.github.mpeventloop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.call.LambdaTargets;
import io.github.mpeventloop.internal.call.MethodTargets;
import io.github.mpeventloop.internal.call.ResolvedTarget;
import io.github.mpeventloop.internal.call.TargetDescriptor;
import io.github.mpeventloop.internal.call.TargetPolicy;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shapes every submission into a ready {@link PendingEvent}, in the caller's thread: resolves the
 * target (by reference or registered name) and checks it is allowed, replaces cached objects by
 * references (caching a bound receiver), decides whether the call is plain, awaited or streamed,
 * and encodes its frame, which refuses what cannot travel before anything is queued. The engine
 * receives the event ready to queue ({@link LoopEngine#accept}); the worker initializer is shaped
 * here too.
 */
final class Submitter {

    private final LoopSettings settings;
    private final JsonMapper mapper;
    private final CallEncoder encoder;
    private final CachedObjects objects;
    private final LoopEngine engine;
    private final LoopListeners listeners;
    private final AtomicLong eventIds = new AtomicLong();
    private final Map<String, LambdaTargets.Captured> namedTargets = new ConcurrentHashMap<>();

    Submitter(LoopSettings settings, JsonMapper mapper, CachedObjects objects, LoopEngine engine,
            LoopListeners listeners) {
        this.settings = settings;
        this.listeners = listeners;
        this.mapper = mapper;
        this.encoder = new CallEncoder(mapper, settings.maxFrameBytes());
        this.objects = objects;
        this.engine = engine;
    }

    /** Registers {@code target} under {@code name}. */
    void register(String name, Target target) {
        LambdaTargets.Captured captured = LambdaTargets.describe(target);
        TargetPolicy.check(captured.target().descriptor());
        namedTargets.put(name, captured);
    }

    /**
     * Checks now, in the caller's thread, what {@link #variablesEvent} will make for every worker:
     * the target is allowed and what it captures can travel.
     */
    void checkVariables(Target.Call0<? extends Map<String, ?>> create) {
        TargetPolicy.check(LambdaTargets.describe(create).target().descriptor());
        variablesEvent(create, 0);
    }

    /** Shapes and submits any event; {@code proxy} is the proxy a call is on, {@code handle} a stream's handle. */
    @SuppressWarnings("unchecked")
    <R> EventFuture<R> submit(Event<R> event, @Nullable Proxy<?> proxy, @Nullable EventStream<?> handle) {
        PendingEvent pending;
        if (event instanceof CallEvent<?> call) {
            LambdaTargets.Captured target = resolve(call);
            CallShape shape = call.shape();
            checkBean(shape);
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
            pending = prepare(event, id -> encoder.encodeCall(id, event.hasOutput(), target.target(), target.values(),
                    call.argsArray(), finalShape, kind), kind, handle, pins, proxy);
        } else if (event instanceof CachedObjectEvent<?> objectEvent) {
            pending = prepareObjectEvent(objectEvent);
        } else {
            CallKind kind = encoder.kindOf(encoder.resultType(event), handle != null, true);
            requireStream(kind, handle, event);
            pending = prepare(event, id -> encoder.encodeEvent(id, event.hasOutput(), event, kind), kind, handle,
                    List.of(), null);
        }
        engine.accept(pending);
        return (EventFuture<R>) (EventFuture<?>) pending.future;
    }

    /** Submits the batches of {@code map(target, items, batchSize)}; each future's value is its batch's list. */
    <A> List<EventFuture<Object>> submitBatches(Target.Call1<A, ?> target, List<? extends A> items, int batchSize) {
        LambdaTargets.Captured resolved = LambdaTargets.describe(target);
        TargetPolicy.check(resolved.target().descriptor());
        JavaType listType = mapper.getTypeFactory().constructCollectionType(List.class,
                encoder.resultType(resolved.target()));
        List<EventFuture<Object>> futures = new ArrayList<>();
        for (int from = 0; from < items.size(); from += batchSize) {
            List<? extends A> batch = items.subList(from, Math.min(items.size(), from + batchSize));
            CallEvent<Object> event = new CallEvent<>(target, null, batch.toArray());
            PendingEvent pending = prepare(event, id -> encoder.encodeBatch(id, true, resolved.target(),
                    resolved.values(), batch), CallKind.plain(listType), null, List.of(), null);
            engine.accept(pending);
            futures.add(pending.future);
        }
        return futures;
    }

    /**
     * Makes an event ready for the queue: its id, its frame (encoded now, which may refuse it), its
     * timeout, and its stream state. It is reported {@linkplain EventLoopListener#accepted accepted}
     * before it is encoded, so that the fields listeners carry go into its frame.
     */
    private PendingEvent prepare(Event<?> event, LongFunction<byte[]> encode, CallKind kind,
            @Nullable EventStream<?> handle, List<ObjectHandle> pins, @Nullable Proxy<?> proxy) {
        return prepare(event, encode, kind, handle, pins, proxy, true);
    }

    private PendingEvent prepare(Event<?> event, LongFunction<byte[]> encode, CallKind kind,
            @Nullable EventStream<?> handle, List<ObjectHandle> pins, @Nullable Proxy<?> proxy, boolean observed) {
        long id = eventIds.incrementAndGet();
        Duration timeout = event.timeout() != null ? event.timeout() : settings.eventTimeout();
        StreamState stream = kind.mode() == CallKind.Mode.STREAM
                ? new StreamState(handle, event.hasOutput() && proxy == null && settings.hasResults()) : null;
        PendingEvent pending = new PendingEvent(id, event, PendingEvent.NOT_ENCODED, kind, stream,
                timeout == null ? 0 : timeout.toNanos(), pins, proxy);
        if (observed) {
            pending.observed = true;
            listeners.accepted(pending);
        }
        try {
            pending.frame = encoder.withContext(pending.carried, () -> encode.apply(id));
        } catch (RuntimeException e) {
            if (observed) {
                listeners.rejected(pending, RejectionReason.NOT_TRANSFERABLE);
            }
            throw e;
        }
        if (stream != null) {
            stream.bind(pending, engine.streamLink());
            if (handle != null) {
                handle.attach(pending);
            }
        }
        return pending;
    }

    /**
     * An event that runs {@code create} in worker {@code workerId} and names the objects of the map
     * it returns (the worker initializer, {@code saveVariables}); no output.
     */
    PendingEvent variablesEvent(Target.Call0<? extends Map<String, ?>> create, int workerId) {
        LambdaTargets.Captured target = LambdaTargets.describe(create);
        CallShape shape = new CallShape(Map.of(), Map.of(), 0, List.of(), true);
        long id = eventIds.incrementAndGet();
        CallEvent<?> event = Event.of(create);
        event.noOutput().key("variables of worker " + workerId);
        PendingEvent setup = new PendingEvent(id, event, encoder.encodeCall(id, false, target.target(),
                target.values(), new Object[0], shape), mapper.getTypeFactory().constructType(Object.class), 0,
                List.of(), null);
        setup.workerSetup = true;
        return setup;
    }

    private static void requireStream(CallKind kind, @Nullable EventStream<?> handle, Event<?> event) {
        if (handle != null && kind.mode() != CallKind.Mode.STREAM) {
            throw new IllegalArgumentException("addStream needs a target whose result can be streamed (a Stream, an "
                    + "Iterator, an Iterable or a Flow.Publisher): " + event);
        }
    }

    /** Replaces the receiver and arguments that are cached objects with references; caches a bound receiver. */
    private CallShape withCachedObjects(CallShape shape, LambdaTargets.Captured target, @Nullable Object[] args,
            List<ObjectHandle> pins) {
        Map<Integer, Long> refs = new HashMap<>(shape.refs());
        Object[] captured = target.values();
        boolean boundReceiver = captured.length > 0
                && target.target().descriptor().kind() == TargetDescriptor.Kind.INSTANCE;
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
        return new CallShape(refs, shape.vars(), shape.storeResult(), shape.mirror(), shape.init(), shape.bean());
    }

    /** Values that are never cached, as the seed never registered strings and numbers. */
    private static boolean isValue(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?>;
    }

    private PendingEvent prepareObjectEvent(CachedObjectEvent<?> event) {
        Object object = event.object();
        ObjectHandle handle = objects.find(object, false);
        if (handle == null) {
            throw new IllegalArgumentException("the object is not cached in loop " + settings.name()
                    + "; cache it first with cacheObject(object): " + object.getClass().getName());
        }
        JavaType none = mapper.getTypeFactory().constructType(Void.class);
        switch (event.action()) {
            case READ:
                return prepare(event, id -> encoder.encodeObjectCall(id, "read", handle.id),
                        CallKind.plain(mapper.getTypeFactory().constructType(handle.type)), null, List.of(handle), null);
            case RELEASE:
                return prepare(event, id -> encoder.encodeObjectCall(id, "release", handle.id), CallKind.plain(none),
                        null, List.of(handle), null);
            default:
                boolean replace = event.action() == CachedObjectEvent.Action.REPLACE;
                return prepare(event, id -> encoder.encodeStore(id, handle.id, object, replace), CallKind.plain(none),
                        null, List.of(handle), null);
        }
    }

    /** Caches {@code object} in a worker unless it is cached already; returns its handle. */
    ObjectHandle cache(Object object) {
        synchronized (objects) {
            ObjectHandle handle = objects.find(object, false);
            if (handle != null) {
                return handle;
            }
            handle = objects.find(object, true);
            try {
                engine.accept(prepareObjectEvent(new CachedObjectEvent<>(object, CachedObjectEvent.Action.STORE)));
            } catch (RuntimeException e) {
                objects.forget(handle);
                throw e;
            }
            return handle;
        }
    }

    /** Builds a proxy's object in a worker; its handle weakly references the proxy. */
    <T> ObjectHandle createRemote(Proxy<T> proxy, CallEvent<T> creation, boolean rebuildOnLoss) {
        ObjectHandle handle = objects.remoteOnly(proxy, proxy.type());
        creation.shape(new CallShape(Map.of(), Map.of(), handle.id, proxy.mirrored(), false));
        LambdaTargets.Captured target = resolve(creation);
        LongFunction<byte[]> encode = id -> encoder.encodeCall(id, false, target.target(), target.values(),
                creation.argsArray(), creation.shape());
        CallKind kind = CallKind.plain(encoder.resultType(target.target()));
        engine.accept(prepare(creation, encode, kind, null, List.of(handle), proxy));
        proxy.called();
        if (rebuildOnLoss) {
            handle.rebuildWith(() -> {
                PendingEvent again = prepare(creation, encode, kind, null, List.of(handle), proxy, false);
                engine.countAccepted();
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
        EventFuture<R> future = submit(call, proxy, null);
        proxy.called();
        return future;
    }

    <V> @Nullable V convert(@Nullable Object value, Class<V> type) {
        return value == null ? null : mapper.convertValue(value, type);
    }

    /** Values read in this process, in the form a worker's mirror has after its trip as JSON. */
    @SuppressWarnings("unchecked")
    Map<String, Object> asMirrored(Map<String, Object> values) {
        return Collections.unmodifiableMap(mapper.treeToValue(mapper.valueToTree(values), HashMap.class));
    }

    /** Refuses, through the loop's {@link io.github.mpeventloop.spi.BeanDirectory}, a bean the workers do not hold. */
    private void checkBean(CallShape shape) {
        CallShape.Bean bean = shape.bean();
        if (bean != null && settings.beanDirectory() != null) {
            settings.beanDirectory().check(bean.type(), bean.name());
        }
    }

    private LambdaTargets.Captured resolve(CallEvent<?> call) {
        java.lang.reflect.Method method = call.method();
        if (method != null) {
            ResolvedTarget resolved = MethodTargets.resolve(method);
            TargetPolicy.check(resolved.descriptor());
            return new LambdaTargets.Captured(resolved, new Object[0]);
        }
        Target target = call.target();
        if (target != null) {
            LambdaTargets.Captured captured = LambdaTargets.describe(target);
            TargetPolicy.check(captured.target().descriptor());
            return captured;
        }
        LambdaTargets.Captured named = namedTargets.get(call.targetName());
        if (named == null) {
            throw new UnknownTargetException("no target is registered under the name '" + call.targetName()
                    + "' in loop " + settings.name() + "; registered: " + new TreeSet<>(namedTargets.keySet()));
        }
        return named;
    }
}
