package io.github.mpeventloop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.target.LambdaTargets;
import io.github.mpeventloop.target.TargetPolicy;
import io.github.mpeventloop.wire.WireMapper;
import io.github.mpeventloop.worker.WorkerMain;
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

    private EventLoop(LoopSettings settings, List<ResultHandler> handlers) {
        this.settings = settings;
        JsonMapper mapper = WireMapper.create();
        this.engine = new LoopEngine(settings, mapper);
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
    @SuppressWarnings("unchecked")
    public <R> EventFuture<R> addEvent(Event<R> event) {
        CallEncoder encoder = engine.encoder();
        PendingEvent pending;
        if (event instanceof CallEvent<?> call) {
            LambdaTargets.Captured target = resolve(call);
            pending = engine.submit(event,
                    id -> encoder.encodeCall(id, event.hasOutput(), target.target(), target.values(), call.argsArray()),
                    encoder.resultType(target.target()));
        } else {
            pending = engine.submit(event, id -> encoder.encodeEvent(id, event.hasOutput(), event),
                    encoder.resultType(event));
        }
        return (EventFuture<R>) (EventFuture<?>) pending.future;
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

    /** Configures an {@link EventLoop}. */
    public static final class Builder {

        private String name = "main";
        private int workers = 1;
        private Backend backend = Backend.PROCESS;
        private final List<String> jvmOptions = new ArrayList<>();
        private String javaExecutable = io.github.mpeventloop.launch.LaunchSettings.currentJava();
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
        private final Map<String, Target> namedTargets = new LinkedHashMap<>();
        private @Nullable Duration eventTimeout;
        private int maxRestarts = 5;
        private Duration restartWindow = Duration.ofSeconds(30);
        private Duration restartBackoff = Duration.ofMillis(100);
        private Duration maxRestartBackoff = Duration.ofSeconds(5);
        private long recycleAfterEvents;
        private long recycleAboveHeapBytes;

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
            if (maxFrameBytes < 1024) {
                throw new IllegalArgumentException("maxFrameBytes must be at least 1024, was " + maxFrameBytes);
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
                    recycleAboveHeapBytes);
            return new EventLoop(settings, List.copyOf(handlers));
        }
    }
}
