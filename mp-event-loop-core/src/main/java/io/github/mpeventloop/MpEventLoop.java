package io.github.mpeventloop;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One global loop and static functions over it, as the seed's module functions are
 * ({@code mp_event_loop.get_event_loop}, {@code add_event}, {@code run}, ...). The global loop is
 * made on first use with one process worker and named {@code global}; {@link #addEvent} and
 * {@link #run} start it; {@link #close()} closes it and forgets it, so the next use makes a fresh one.
 *
 * <pre>{@code
 * try (EventLoop loop = MpEventLoop.getEventLoop(saveResults)) {
 *     MpEventLoop.addEvent(Tasks::addVals, 2, 1);
 * }
 * }</pre>
 */
public final class MpEventLoop {

    private static @Nullable EventLoop global;

    private MpEventLoop() {
    }

    /**
     * The global loop, made if there is none, with {@code handlers} added to its output handlers
     * (the seed used them only when it made the loop; adding them every time loses none). Not started.
     */
    public static synchronized EventLoop getEventLoop(ResultHandler... handlers) {
        if (global == null) {
            global = EventLoop.builder().name("global").build();
        }
        for (ResultHandler handler : handlers) {
            global.addOutputHandler(handler);
        }
        return global;
    }

    private static EventLoop started() {
        EventLoop loop = getEventLoop();
        loop.start();
        return loop;
    }

    /** Submits an event to the global loop, starting it if needed. */
    public static <R> EventFuture<R> addEvent(Event<R> event) {
        return started().addEvent(event);
    }

    /** Submits {@code target()} to the global loop, starting it if needed. */
    public static <R> EventFuture<R> addEvent(Target.Call0<R> target) {
        return addEvent(Event.of(target));
    }

    /** Submits {@code target()}, which returns nothing, to the global loop, starting it if needed. */
    public static EventFuture<Void> addEvent(Target.Run0 target) {
        return addEvent(Event.of(target));
    }

    /** Submits {@code target(a)} to the global loop, starting it if needed. */
    public static <A, R> EventFuture<R> addEvent(Target.Call1<A, R> target, @Nullable A a) {
        return addEvent(Event.of(target, a));
    }

    /** Submits {@code target(a)}, which returns nothing, to the global loop, starting it if needed. */
    public static <A> EventFuture<Void> addEvent(Target.Run1<A> target, @Nullable A a) {
        return addEvent(Event.of(target, a));
    }

    /** Submits {@code target(a, b)} to the global loop, starting it if needed. */
    public static <A, B, R> EventFuture<R> addEvent(Target.Call2<A, B, R> target, @Nullable A a, @Nullable B b) {
        return addEvent(Event.of(target, a, b));
    }

    /** Submits {@code target(a, b)}, which returns nothing, to the global loop, starting it if needed. */
    public static <A, B> EventFuture<Void> addEvent(Target.Run2<A, B> target, @Nullable A a, @Nullable B b) {
        return addEvent(Event.of(target, a, b));
    }

    /** Submits {@code target(a, b, c)} to the global loop, starting it if needed. */
    public static <A, B, C, R> EventFuture<R> addEvent(Target.Call3<A, B, C, R> target, @Nullable A a, @Nullable B b,
            @Nullable C c) {
        return addEvent(Event.of(target, a, b, c));
    }

    /** Submits {@code target(a, b, c)}, which returns nothing, to the global loop, starting it if needed. */
    public static <A, B, C> EventFuture<Void> addEvent(Target.Run3<A, B, C> target, @Nullable A a, @Nullable B b,
            @Nullable C c) {
        return addEvent(Event.of(target, a, b, c));
    }

    /** Submits {@code target(a, b, c, d)} to the global loop, starting it if needed. */
    public static <A, B, C, D, R> EventFuture<R> addEvent(Target.Call4<A, B, C, D, R> target, @Nullable A a,
            @Nullable B b, @Nullable C c, @Nullable D d) {
        return addEvent(Event.of(target, a, b, c, d));
    }

    /** Submits {@code target(a, b, c, d)}, which returns nothing, to the global loop, starting it if needed. */
    public static <A, B, C, D> EventFuture<Void> addEvent(Target.Run4<A, B, C, D> target, @Nullable A a,
            @Nullable B b, @Nullable C c, @Nullable D d) {
        return addEvent(Event.of(target, a, b, c, d));
    }

    /** Submits a call of a registered name to the global loop, starting it if needed. */
    public static EventFuture<Object> addEvent(String name, @Nullable Object... args) {
        return addEvent(Event.named(name, args));
    }

    /** Adds an output handler to the global loop. */
    public static void addOutputHandler(ResultHandler handler) {
        getEventLoop().addOutputHandler(handler);
    }

    /** Inserts an output handler into the global loop's list. */
    public static void insertOutputHandler(int index, ResultHandler handler) {
        getEventLoop().insertOutputHandler(index, handler);
    }

    /** {@link EventLoop#run} on the global loop. */
    public static List<EventFuture<?>> run(Collection<? extends Event<?>> events, ResultHandler... handlers) {
        return getEventLoop().run(events, handlers);
    }

    /** {@link EventLoop#runUntilComplete} on the global loop, which is then forgotten. */
    public static void runUntilComplete(Collection<? extends Event<?>> events, ResultHandler... handlers) {
        getEventLoop().run(events, handlers);
        close();
    }

    /** Whether a global loop exists and runs. */
    public static synchronized boolean isRunning() {
        return global != null && global.isRunning();
    }

    /** Waits until the global loop is idle; returns at once if there is none. */
    public static void awaitIdle() {
        EventLoop loop;
        synchronized (MpEventLoop.class) {
            loop = global;
        }
        if (loop != null) {
            loop.awaitIdle();
        }
    }

    /** Closes the global loop, if any, and forgets it. */
    public static void close() {
        EventLoop loop;
        synchronized (MpEventLoop.class) {
            loop = global;
            global = null;
        }
        if (loop != null) {
            loop.close();
        }
    }
}
