package io.github.mpeventloop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The typed ways to submit an event that {@link EventLoop} offers, each a shorthand for
 * {@link #addEvent(Event)} or {@link #addStream(CallEvent, Class)}: one overload per arity of
 * {@link Target}, streams, awaited stages, named variables and {@code map}. Package-private: its
 * public methods are documented and called as {@link EventLoop}'s own (as {@code StringBuilder}
 * inherits from {@code AbstractStringBuilder}); it keeps the facade's lifecycle and state apart
 * from its many overloads.
 */
abstract class EventSubmissions {

    EventSubmissions() {
    }

    /**
     * Submits an event. Its arguments are encoded now, in this thread: a value that cannot travel
     * is refused here ({@link ArgumentNotTransferableException}, {@link FrameTooLargeException})
     * and nothing is queued. When the queue is full this waits for room as configured, then fails
     * with {@link EventRejectedException}; if this thread is interrupted while it waits, that
     * exception has the {@link InterruptedException} as its cause and the thread's interrupt flag
     * stays set. Cancelling the future cancels the event ({@link EventFuture#cancel(boolean)}).
     *
     * @return the event's future, which completes when its answer arrives
     */
    public abstract <R> EventFuture<R> addEvent(Event<R> event);

    /** Submits the batches of {@link #map(Target.Call1, List, int)}. */
    abstract <A> List<EventFuture<Object>> submitBatches(Target.Call1<A, ?> target, List<? extends A> items,
            int batchSize);

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
    public abstract <T> EventStream<T> addStream(CallEvent<?> event, Class<T> itemType);

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

    /**
     * Submits {@code event}, whose target returns a {@link CompletionStage} (a bean target, say:
     * {@code addAsync(Event.onBean(ImageService::renderAsync, spec))}), awaited in the worker; the
     * future completes with the stage's value.
     */
    public <R> EventFuture<R> addAsync(CallEvent<? extends CompletionStage<R>> event) {
        return addEvent(event.<R>awaitingValue());
    }

    // ---------------------------------------------------------------- named variables

    /**
     * Calls {@code method} on the worker's variable {@code name} (the seed's {@code add_var_event}):
     * the variable is the method's first parameter (its receiver, for an unbound method reference
     * such as {@code Counter::increment}), the arguments given here follow it. Variables are made
     * by the worker initializer ({@link EventLoopBuilder#workerInitializer}) and by
     * {@code saveVariables}. There is one overload per arity of {@link Target}, as for
     * {@code addEvent}: up to three arguments after the variable.
     */
    public <T, R> EventFuture<R> addVarEvent(String name, Target.Call1<T, R> method) {
        return addEvent(onVariable(name, method));
    }

    /** {@code method(variable, a)}; see {@link #addVarEvent(String, Target.Call1)}. */
    public <T, A, R> EventFuture<R> addVarEvent(String name, Target.Call2<T, A, R> method, @Nullable A a) {
        return addEvent(onVariable(name, method, a));
    }

    /** {@code method(variable, a, b)}, as the seed's {@code add_var_event('p', 'move', 2, 3)}; see {@link #addVarEvent(String, Target.Call1)}. */
    public <T, A, B, R> EventFuture<R> addVarEvent(String name, Target.Call3<T, A, B, R> method, @Nullable A a,
            @Nullable B b) {
        return addEvent(onVariable(name, method, a, b));
    }

    /** {@code method(variable, a, b, c)}; see {@link #addVarEvent(String, Target.Call1)}. */
    public <T, A, B, C, R> EventFuture<R> addVarEvent(String name, Target.Call4<T, A, B, C, R> method, @Nullable A a,
            @Nullable B b, @Nullable C c) {
        return addEvent(onVariable(name, method, a, b, c));
    }

    /** {@code method(variable)}, which returns nothing; see {@link #addVarEvent(String, Target.Call1)}. */
    public <T> EventFuture<Void> addVarEvent(String name, Target.Run1<T> method) {
        return addEvent(onVariable(name, method));
    }

    /** {@code method(variable, a)}, which returns nothing; see {@link #addVarEvent(String, Target.Call1)}. */
    public <T, A> EventFuture<Void> addVarEvent(String name, Target.Run2<T, A> method, @Nullable A a) {
        return addEvent(onVariable(name, method, a));
    }

    /** {@code method(variable, a, b)}, which returns nothing; see {@link #addVarEvent(String, Target.Call1)}. */
    public <T, A, B> EventFuture<Void> addVarEvent(String name, Target.Run3<T, A, B> method, @Nullable A a,
            @Nullable B b) {
        return addEvent(onVariable(name, method, a, b));
    }

    /** {@code method(variable, a, b, c)}, which returns nothing; see {@link #addVarEvent(String, Target.Call1)}. */
    public <T, A, B, C> EventFuture<Void> addVarEvent(String name, Target.Run4<T, A, B, C> method, @Nullable A a,
            @Nullable B b, @Nullable C c) {
        return addEvent(onVariable(name, method, a, b, c));
    }

    private static <R> CallEvent<R> onVariable(String name, Target method, @Nullable Object... args) {
        Object[] values = new Object[args.length + 1];
        System.arraycopy(args, 0, values, 1, args.length);
        return new CallEvent<R>(method, null, values)
                .shape(new CallShape(Map.of(), Map.of(0, name), 0, List.of(), false));
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
     * item, spread over the workers; the results also reach the output handlers. Like the seed's
     * {@code map}, which ends with {@code wait()}, it returns only once the output handlers ran
     * for every item's result, however long they take, so what they record is complete when it
     * returns. Called from an output handler on the consumer thread, it cannot wait for handlers
     * that run after the calling one, and returns once the values are in; with a
     * {@link EventLoopBuilder#handlerExecutor handler executor}, do not call it from the thread that
     * executor runs handlers on.
     *
     * @return the values in the order of the items
     * @throws RuntimeException the first failure, as the event's future reports it (without waiting
     *     for the handlers)
     */
    public <A, R> List<R> map(Target.Call1<A, R> target, Iterable<? extends A> items) {
        List<EventFuture<R>> futures = new ArrayList<>();
        for (A item : items) {
            futures.add(addEvent(target, item));
        }
        return valuesOf(futures);
    }

    /**
     * Runs {@code method} on the workers' bean of its class for every item and waits
     * ({@code mapOnBean(ImageService::render, specs)}): one bean target event per item (see
     * {@link Event#onBean(Target.Call2, Object)}), spread over the workers.
     *
     * @return the values in the order of the items
     * @throws RuntimeException the first failure, as the event's future reports it
     */
    public <B, A, R> List<R> mapOnBean(Target.Call2<B, A, R> method, Iterable<? extends A> items) {
        List<EventFuture<R>> futures = new ArrayList<>();
        for (A item : items) {
            futures.add(addEvent(Event.onBean(method, item)));
        }
        return valuesOf(futures);
    }

    /**
     * Runs {@code target} on every item and waits, {@code batchSize} items to an event: a worker
     * gets a batch in one frame, runs the target on each item and answers with the list of their
     * values. Much faster than one event per item when items are small; the output handlers see
     * one result per batch, whose value is the list of that batch's values. Returns once the
     * handlers ran for every batch, as {@link #map(Target.Call1, Iterable)} does.
     *
     * @return the values in the order of the items
     * @throws RuntimeException the first failure, naming the item of its batch
     */
    public <A, R> List<R> map(Target.Call1<A, R> target, List<? extends A> items, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        List<EventFuture<Object>> futures = submitBatches(target, items, batchSize);
        List<R> values = new ArrayList<>(items.size());
        for (Object batch : valuesOf(futures)) {
            @SuppressWarnings("unchecked")
            List<R> batchValues = (List<R>) batch;
            values.addAll(batchValues);
        }
        return values;
    }

    /** Whether the calling thread is the one that runs this loop's output handlers. */
    abstract boolean isHandlerThread();

    /**
     * The values of a map's parts, in order, once the output handlers ran for each. A part that
     * failed fails the map, and an interrupt of the waiting thread ends it with
     * {@link EventLoopInterruptedException}: either way the parts not done yet are cancelled, since
     * nobody will take their values.
     */
    private <R> List<R> valuesOf(List<EventFuture<R>> futures) {
        List<R> values = new ArrayList<>(futures.size());
        try {
            for (EventFuture<R> future : futures) {
                values.add(future.get());
            }
            if (!isHandlerThread()) {
                for (EventFuture<R> future : futures) {
                    future.awaitHandled();
                }
            }
            return values;
        } catch (ExecutionException e) {
            futures.forEach(future -> future.cancel(false));
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new CompletionException(e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(future -> future.cancel(false));
            Thread.currentThread().interrupt();
            throw new EventLoopInterruptedException("map was interrupted; its parts not done were cancelled", e);
        }
    }
}
