package io.github.mpeventloop;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.call.LambdaTargets;
import io.github.mpeventloop.internal.call.TargetDescriptor;

/**
 * A unit of work for an {@link EventLoop}, with the options it travels with.
 *
 * <p>Most events are made from a target and its arguments ({@link #of(Target.Call1, Object)} and
 * its siblings, or {@link EventLoop#addEvent(Target.Call1, Object)} directly). A subclass whose
 * {@link #run()} is the work is an event too: its non-transient fields travel to the worker as
 * JSON, the worker builds a copy and runs it, and the value comes back typed as the subclass's
 * {@code R}. The subclass must be a top-level or static nested class that Jackson can build (a
 * no-argument constructor, or a constructor whose parameters name its fields).
 *
 * <p>The options stay in the parent: {@link #key(Object)} tags the result so that handlers can
 * tell results apart (the seed's {@code event_key}); {@link #noOutput()} asks for no result (the
 * seed's {@code has_output=False}). Handlers receive the very object that was submitted.
 *
 * @param <R> type of the value {@link #run()} returns
 */
public abstract class Event<R> {

    private transient @Nullable Object key;
    private transient boolean output = true;
    private transient int retries;
    private transient boolean cached;
    private transient @Nullable Duration timeout;

    protected Event() {
    }

    /** The work. Runs in a worker, on a copy of this event. */
    public abstract @Nullable R run() throws Exception;

    /** Tags this event's result with {@code key}, which stays in the parent; returns this event. */
    public Event<R> key(@Nullable Object key) {
        this.key = key;
        return this;
    }

    /** The key given with {@link #key(Object)}, or {@code null}. */
    public @Nullable Object key() {
        return key;
    }

    /**
     * Asks for no result: the worker sends back only that the event finished, the future completes
     * with {@code null} and no handler is called; a failure still fails the future and is logged.
     */
    public Event<R> noOutput() {
        this.output = false;
        return this;
    }

    /** Whether the result is delivered to the output handlers. */
    public boolean hasOutput() {
        return output;
    }

    /**
     * Uses the worker's live copies of cached objects (the seed's {@code cache=True}): a bound
     * receiver ({@code a::calcC}) is cached if it is not yet, and the receiver and any argument
     * that is cached travel as references to the copy the worker keeps, so that state persists
     * there across events. The event then runs in the worker that holds those objects, in
     * submission order. See {@link EventLoop#cacheObject(Object)}.
     */
    public Event<R> cached() {
        this.cached = true;
        return this;
    }

    public boolean isCached() {
        return cached;
    }

    /**
     * An event that reads the worker's current copy of a cached object back (the seed's
     * {@code CacheObjectEvent}); give it a {@link #key(Object)} to find it among the results.
     */
    public static <T> CachedObjectEvent<T> readCached(T object) {
        return new CachedObjectEvent<>(object, CachedObjectEvent.Action.READ);
    }

    /**
     * Runs this event again on another worker, at most {@code retries} times, when the worker
     * running it dies (a failure of the target itself is not retried). The result says how many
     * attempts it took. Only for events that may safely run more than once. Default 0.
     */
    public Event<R> retries(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, was " + retries);
        }
        this.retries = retries;
        return this;
    }

    public int retries() {
        return retries;
    }

    /**
     * Fails this event with {@link EventTimeoutException} when it runs longer than
     * {@code timeout} (counted from when its worker starts it); the worker is then replaced.
     * Overrides the loop's {@link EventLoopBuilder#eventTimeout(Duration)}.
     */
    public Event<R> timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /** The event's own timeout, or {@code null} for the loop's. */
    public @Nullable Duration timeout() {
        return timeout;
    }

    /** An event calling {@code target()}. */
    public static <R> CallEvent<R> of(Target.Call0<R> target) {
        return new CallEvent<>(target, null);
    }

    /** An event calling {@code target(a)}. */
    public static <A, R> CallEvent<R> of(Target.Call1<A, R> target, @Nullable A a) {
        return new CallEvent<>(target, null, a);
    }

    /** An event calling {@code target(a, b)}. */
    public static <A, B, R> CallEvent<R> of(Target.Call2<A, B, R> target, @Nullable A a, @Nullable B b) {
        return new CallEvent<>(target, null, a, b);
    }

    /** An event calling {@code target(a, b, c)}. */
    public static <A, B, C, R> CallEvent<R> of(Target.Call3<A, B, C, R> target, @Nullable A a, @Nullable B b,
            @Nullable C c) {
        return new CallEvent<>(target, null, a, b, c);
    }

    /** An event calling {@code target(a, b, c, d)}. */
    public static <A, B, C, D, R> CallEvent<R> of(Target.Call4<A, B, C, D, R> target, @Nullable A a, @Nullable B b,
            @Nullable C c, @Nullable D d) {
        return new CallEvent<>(target, null, a, b, c, d);
    }

    /** An event calling {@code target()}, which returns nothing. */
    public static CallEvent<Void> of(Target.Run0 target) {
        return new CallEvent<>(target, null);
    }

    /** An event calling {@code target(a)}, which returns nothing. */
    public static <A> CallEvent<Void> of(Target.Run1<A> target, @Nullable A a) {
        return new CallEvent<>(target, null, a);
    }

    /** An event calling {@code target(a, b)}, which returns nothing. */
    public static <A, B> CallEvent<Void> of(Target.Run2<A, B> target, @Nullable A a, @Nullable B b) {
        return new CallEvent<>(target, null, a, b);
    }

    /** An event calling {@code target(a, b, c)}, which returns nothing. */
    public static <A, B, C> CallEvent<Void> of(Target.Run3<A, B, C> target, @Nullable A a, @Nullable B b,
            @Nullable C c) {
        return new CallEvent<>(target, null, a, b, c);
    }

    /** An event calling {@code target(a, b, c, d)}, which returns nothing. */
    public static <A, B, C, D> CallEvent<Void> of(Target.Run4<A, B, C, D> target, @Nullable A a, @Nullable B b,
            @Nullable C c, @Nullable D d) {
        return new CallEvent<>(target, null, a, b, c, d);
    }

    // ---------------------------------------------------------------- bean targets

    /**
     * An event calling {@code method} on a bean of the worker's application context, for example
     * {@code Event.onBean(ImageService::render, spec)}: the method runs on the worker's bean of the
     * method's class (or the one named with {@link CallEvent#beanNamed(String)}); only the arguments
     * travel. The worker must have started a context that holds the bean
     * ({@link io.github.mpeventloop.spi.bootstrap.WorkerBootstrap}; in a Spring application
     * {@code mp.event-loop.worker.context.enabled=true}). A target returning a
     * {@code CompletionStage} is awaited in the worker ({@link EventLoop#addAsync(CallEvent)} gives its
     * value), one returning a stream is streamed ({@link EventLoop#addStream(CallEvent)}).
     *
     * @param method an unbound method reference of the bean's class, {@code Bean::method}
     * @throws IllegalArgumentException if {@code method} is not an unbound method reference
     */
    public static <B, A, R> CallEvent<R> onBean(Target.Call2<B, A, R> method, @Nullable A a) {
        return beanCall(method, a);
    }

    /** {@code bean.method()} in the worker; see {@link #onBean(Target.Call2, Object)}. */
    public static <B, R> CallEvent<R> onBean(Target.Call1<B, R> method) {
        return beanCall(method);
    }

    /** {@code bean.method(a, b)} in the worker; see {@link #onBean(Target.Call2, Object)}. */
    public static <B, A, C, R> CallEvent<R> onBean(Target.Call3<B, A, C, R> method, @Nullable A a, @Nullable C b) {
        return beanCall(method, a, b);
    }

    /** {@code bean.method(a, b, c)} in the worker; see {@link #onBean(Target.Call2, Object)}. */
    public static <B, A, C, D, R> CallEvent<R> onBean(Target.Call4<B, A, C, D, R> method, @Nullable A a,
            @Nullable C b, @Nullable D c) {
        return beanCall(method, a, b, c);
    }

    /** {@code bean.method()}, which returns nothing, in the worker; see {@link #onBean(Target.Call2, Object)}. */
    public static <B> CallEvent<Void> onBean(Target.Run1<B> method) {
        return beanCall(method);
    }

    /** {@code bean.method(a)}, which returns nothing, in the worker; see {@link #onBean(Target.Call2, Object)}. */
    public static <B, A> CallEvent<Void> onBean(Target.Run2<B, A> method, @Nullable A a) {
        return beanCall(method, a);
    }

    /** {@code bean.method(a, b)}, which returns nothing, in the worker; see {@link #onBean(Target.Call2, Object)}. */
    public static <B, A, C> CallEvent<Void> onBean(Target.Run3<B, A, C> method, @Nullable A a, @Nullable C b) {
        return beanCall(method, a, b);
    }

    /**
     * An event calling the reflected {@code method} on the worker's bean of {@code beanType} (named
     * {@code beanName}, if given), with {@code args}: for callers that hold a {@link Method}
     * rather than a method reference, such as a proxy of a bean. A method returning a
     * {@code CompletionStage} is awaited in the worker and the event's future completes with the
     * stage's value.
     */
    public static CallEvent<Object> onBean(Class<?> beanType, @Nullable String beanName,
            Method method, @Nullable Object... args) {
        if (Modifier.isStatic(method.getModifiers()) || !method.getDeclaringClass().isAssignableFrom(beanType)) {
            throw new IllegalArgumentException(method + " is not an instance method of the bean type "
                    + beanType.getName());
        }
        Object[] values = new Object[args.length + 1];
        System.arraycopy(args, 0, values, 1, args.length);
        CallEvent<Object> event = CallEvent.ofMethod(method, values);
        return event.shape(CallShape.onBean(beanType, beanName)).awaitingValue();
    }

    private static <R> CallEvent<R> beanCall(Target method, @Nullable Object... args) {
        LambdaTargets.Captured captured = LambdaTargets.describe(method);
        if (captured.values().length != 0
                || captured.target().descriptor().kind() != TargetDescriptor.Kind.INSTANCE) {
            throw new IllegalArgumentException("Event.onBean takes an unbound method reference of the bean's class, "
                    + "such as ImageService::render; " + captured.target() + " is not one");
        }
        Object[] values = new Object[args.length + 1];
        System.arraycopy(args, 0, values, 1, args.length);
        Class<?> beanType = (Class<?>) captured.target().valueType(0);
        return new CallEvent<R>(method, null, values).shape(CallShape.onBean(beanType, null));
    }

    /** An event calling the target registered under {@code name} (see {@link EventLoopBuilder#register}). */
    public static CallEvent<Object> named(String name, @Nullable Object... args) {
        return new CallEvent<>(null, name, args);
    }
}
