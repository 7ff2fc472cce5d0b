package io.github.mpeventloop;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.mpeventloop.internal.call.PropertyReader;

/**
 * An object that lives only in a worker (the seed's {@code Proxy}): it is built there by a
 * factory or constructor reference, and every call on it is an event run on that object, in the
 * order made. The properties the proxy names (fields, or methods without arguments such as
 * getters) are mirrored into a local copy after each call, on the loop's consumer thread, so that
 * a GUI reads the last known values without blocking; {@link #awaitSync()} (the seed's
 * {@code mp_wait}) waits until that copy reflects every call made so far.
 *
 * <p>The mirror holds the constructor's values as soon as {@code create} returns, as the seed's
 * proxy did (it was constructed in the main process too): {@code create} runs the factory once in
 * this process, reads the mirrored properties of that local object and drops it; the object that
 * lives on is the one the worker builds from the same factory and arguments. So a factory should
 * have no side effect that must not happen in this process. If the local construction throws (a
 * factory that needs what only a worker has), {@code create} instead waits until the worker built
 * the object and its values are mirrored when the loop runs; on a loop not started yet the
 * mirror is then empty until it ran. Asking for a property the proxy does not mirror is an error.
 *
 * <pre>{@code
 * Proxy<Point> p = Proxy.of(Point.class).mirroring("x", "y", "getZ").create(loop, Point::new, 0, 0, 0);
 * p.run(Point::move, 1, 2, 7);
 * p.awaitSync();
 * p.get("x", Integer.class); // 1
 * }</pre>
 *
 * <p>Calls on a proxy reach no output handler; their values come back through the futures. When
 * the proxy is no longer referenced, its object is released in the worker. If that worker dies,
 * later calls fail with {@link CachedObjectLostException}, unless the proxy was made with
 * {@link Spec#rebuildOnLoss()}.
 *
 * @param <T> type of the object in the worker
 */
public final class Proxy<T> {

    private final EventLoop loop;
    private final Class<T> type;
    private final List<String> mirrored;
    private static final Logger LOG = LoggerFactory.getLogger(Proxy.class);

    private final Object syncMonitor = new Object();
    private volatile Map<String, Object> mirror = Map.of();
    private @Nullable ObjectHandle handle;
    private long calls;
    private long synced;

    private Proxy(EventLoop loop, Class<T> type, List<String> mirrored) {
        this.loop = loop;
        this.type = type;
        this.mirrored = mirrored;
    }

    /** Starts describing a proxy of objects of {@code type}. */
    public static <T> Spec<T> of(Class<T> type) {
        return new Spec<>(type, List.of(), false);
    }

    /** What a proxy mirrors; {@code create} builds the object in a worker. */
    public static final class Spec<T> {
        private final Class<T> type;
        private final List<String> mirrored;
        private final boolean rebuildOnLoss;

        private Spec(Class<T> type, List<String> mirrored, boolean rebuildOnLoss) {
            this.type = type;
            this.mirrored = mirrored;
            this.rebuildOnLoss = rebuildOnLoss;
        }

        /** Names of fields or argument-less methods (getters) mirrored after each call (the seed's PROPERTIES and GETTERS). */
        public Spec<T> mirroring(String... names) {
            return new Spec<>(type, List.of(names), rebuildOnLoss);
        }

        /**
         * When the worker holding the object dies, the next call builds it again from the same
         * factory in another worker, with its state afresh (logged), instead of failing with
         * {@link CachedObjectLostException}. For objects whose state can be rebuilt or lost.
         */
        public Spec<T> rebuildOnLoss() {
            return new Spec<>(type, mirrored, true);
        }

        /**
         * Builds the object in a worker from {@code factory()}; the mirror holds its values at once
         * (see the class comment).
         */
        public Proxy<T> create(EventLoop loop, Target.Call0<T> factory) {
            return start(loop, Event.of(factory), factory::call);
        }

        /** Builds the object in a worker from {@code factory(a)}; see {@link #create(EventLoop, Target.Call0)}. */
        public <A> Proxy<T> create(EventLoop loop, Target.Call1<A, T> factory, @Nullable A a) {
            return start(loop, Event.of(factory, a), () -> factory.call(a));
        }

        /** Builds the object in a worker from {@code factory(a, b)}; see {@link #create(EventLoop, Target.Call0)}. */
        public <A, B> Proxy<T> create(EventLoop loop, Target.Call2<A, B, T> factory, @Nullable A a, @Nullable B b) {
            return start(loop, Event.of(factory, a, b), () -> factory.call(a, b));
        }

        /** Builds the object in a worker from {@code factory(a, b, c)}; see {@link #create(EventLoop, Target.Call0)}. */
        public <A, B, C> Proxy<T> create(EventLoop loop, Target.Call3<A, B, C, T> factory, @Nullable A a,
                @Nullable B b, @Nullable C c) {
            return start(loop, Event.of(factory, a, b, c), () -> factory.call(a, b, c));
        }

        private Proxy<T> start(EventLoop loop, CallEvent<T> creation, Callable<T> localFactory) {
            Proxy<T> proxy = new Proxy<>(loop, type, mirrored);
            Map<String, Object> first = proxy.constructLocally(localFactory);
            proxy.handle = loop.createRemote(proxy, creation, rebuildOnLoss);
            if (first != null) {
                proxy.mirror = first;
            } else if (loop.isRunning()) {
                proxy.awaitSync();
            }
            return proxy;
        }
    }

    ObjectHandle handle() {
        ObjectHandle current = handle;
        if (current == null) {
            throw new IllegalStateException("proxy is not created yet");
        }
        return current;
    }

    List<String> mirrored() {
        return mirrored;
    }

    Class<T> type() {
        return type;
    }

    /** The mirrored values of an object built here from the factory, or {@code null} if that failed. */
    private @Nullable Map<String, Object> constructLocally(Callable<T> factory) {
        if (mirrored.isEmpty()) {
            return Map.of();
        }
        try {
            T local = factory.call();
            Map<String, Object> values = new HashMap<>();
            for (String name : mirrored) {
                values.put(name, PropertyReader.read(local, name));
            }
            return loop.asMirrored(values);
        } catch (Exception e) {
            LOG.debug("Proxy of {}: the factory failed in this process ({}); its values are mirrored once the worker "
                    + "built it", type.getName(), e.toString());
            return null;
        }
    }

    /** Counts a call made on this proxy; {@link #synced} counts it back once its answer is mirrored. */
    void called() {
        synchronized (syncMonitor) {
            calls++;
        }
    }

    /** Takes the mirrored values of one answer (none when the call failed); runs on the consumer thread. */
    void synced(@Nullable Map<String, Object> values) {
        if (values != null && !values.isEmpty()) {
            Map<String, Object> next = new HashMap<>(mirror);
            next.putAll(values);
            mirror = Collections.unmodifiableMap(next);
        }
        synchronized (syncMonitor) {
            synced++;
            syncMonitor.notifyAll();
        }
    }

    /**
     * The last mirrored value of a property, as JSON made it (numbers, strings, lists, maps), or
     * {@code null} when its value is null or could not be read.
     *
     * @throws IllegalArgumentException if the proxy does not mirror {@code property}
     */
    public @Nullable Object get(String property) {
        if (!mirrored.contains(property)) {
            throw new IllegalArgumentException("the proxy of " + type.getName() + " does not mirror '" + property
                    + "'; it mirrors " + mirrored + " (name the properties to mirror with Proxy.of(type).mirroring(...))");
        }
        return mirror.get(property);
    }

    /**
     * The last mirrored value of a property, converted to {@code valueType}.
     *
     * @throws IllegalArgumentException if the proxy does not mirror {@code property}
     */
    public <V> @Nullable V get(String property, Class<V> valueType) {
        return loop.convert(get(property), valueType);
    }

    /** Waits until the mirror reflects every call made on this proxy so far. */
    public boolean awaitSync(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (syncMonitor) {
            long target = calls;
            while (synced < target) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(syncMonitor, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** {@link #awaitSync(Duration)} without a time limit. */
    public void awaitSync() {
        awaitSync(Duration.ofNanos(Long.MAX_VALUE));
    }

    /** Calls {@code method} on the object in the worker. */
    public <R> EventFuture<R> call(Target.Call1<T, R> method) {
        return loop.callRemote(this, method);
    }

    public <A, R> EventFuture<R> call(Target.Call2<T, A, R> method, @Nullable A a) {
        return loop.callRemote(this, method, a);
    }

    public <A, B, R> EventFuture<R> call(Target.Call3<T, A, B, R> method, @Nullable A a, @Nullable B b) {
        return loop.callRemote(this, method, a, b);
    }

    public <A, B, C, R> EventFuture<R> call(Target.Call4<T, A, B, C, R> method, @Nullable A a, @Nullable B b,
            @Nullable C c) {
        return loop.callRemote(this, method, a, b, c);
    }

    /** Calls {@code method}, which returns nothing, on the object in the worker. */
    public EventFuture<Void> run(Target.Run1<T> method) {
        return loop.callRemote(this, method);
    }

    public <A> EventFuture<Void> run(Target.Run2<T, A> method, @Nullable A a) {
        return loop.callRemote(this, method, a);
    }

    public <A, B> EventFuture<Void> run(Target.Run3<T, A, B> method, @Nullable A a, @Nullable B b) {
        return loop.callRemote(this, method, a, b);
    }

    public <A, B, C> EventFuture<Void> run(Target.Run4<T, A, B, C> method, @Nullable A a, @Nullable B b,
            @Nullable C c) {
        return loop.callRemote(this, method, a, b, c);
    }

    @Override
    public String toString() {
        return "Proxy[" + type.getSimpleName() + " " + mirror + "]";
    }
}
