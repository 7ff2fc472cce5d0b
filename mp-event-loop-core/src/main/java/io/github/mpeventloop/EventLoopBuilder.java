package io.github.mpeventloop;

import static io.github.mpeventloop.BuilderChecks.atLeast;
import static io.github.mpeventloop.BuilderChecks.notNegative;
import static io.github.mpeventloop.BuilderChecks.positive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.wire.WireLimits;
import io.github.mpeventloop.spi.BeanDirectory;
import io.github.mpeventloop.spi.LaunchSettings;
import io.github.mpeventloop.spi.WorkerLauncherFactory;
import io.github.mpeventloop.worker.WorkerMain;

/**
 * Configures an {@link EventLoop}: {@code EventLoop.builder().name("render").workers(4).build().start()}.
 * The defaults are the constants of this class; the Spring Boot properties read the same ones.
 */
public final class EventLoopBuilder {

    /** Default number of events that may wait for a worker. */
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    /** Default wait of {@code addEvent} for room in a full queue. */
    public static final Duration DEFAULT_BLOCK_WHEN_FULL = Duration.ofSeconds(10);
    /** Default time {@link EventLoop#stop()} lets workers finish their events. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);
    /** Default time a worker may take to start and complete its handshake. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);
    /** Default largest frame, in bytes. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 << 20;
    /** Default most events sent to one worker ahead of its answers (times the launcher's {@code inFlightFactor()}). */
    public static final int DEFAULT_MAX_IN_FLIGHT_PER_WORKER = 512;
    /** Default restart budget: workers replaced within {@link #DEFAULT_RESTART_WINDOW}. */
    public static final int DEFAULT_MAX_RESTARTS = 5;
    /** Default window of the restart budget. */
    public static final Duration DEFAULT_RESTART_WINDOW = Duration.ofSeconds(30);
    /** Default first back-off before a replacement. */
    public static final Duration DEFAULT_RESTART_BACKOFF = Duration.ofMillis(100);
    /** Default deepest nesting of objects and arrays in a value: a 10,000-deep linked list passes. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = WireLimits.DEFAULT_MAX_NESTING_DEPTH;
    /** Default longest number in a value, in characters. */
    public static final int DEFAULT_MAX_NUMBER_LENGTH = WireLimits.DEFAULT_MAX_NUMBER_LENGTH;

    /** Default time a cancelled, interrupted event has to stop before its worker is ended. */
    public static final Duration DEFAULT_CANCEL_GRACE = Duration.ofSeconds(5);
    /** Default time a worker has to answer a ping before it is declared unresponsive. */
    public static final Duration DEFAULT_LIVENESS_TIMEOUT = Duration.ofSeconds(30);
    /** Default longest back-off before a replacement. */
    public static final Duration DEFAULT_MAX_RESTART_BACKOFF = Duration.ofSeconds(5);

    private String name = "main";
    private int workers = 1;
    private Backend backend = Backend.PROCESS;
    private final List<String> jvmOptions = new ArrayList<>();
    private String javaExecutable = LaunchSettings.currentJava();
    private String classPath = System.getProperty("java.class.path", "");
    private String workerMainClass = WorkerMain.class.getName();
    private Duration startTimeout = DEFAULT_START_TIMEOUT;
    private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
    private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
    private int maxNumberLength = DEFAULT_MAX_NUMBER_LENGTH;
    private int maxStringLength = Integer.MAX_VALUE;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private @Nullable Duration blockWhenFull = DEFAULT_BLOCK_WHEN_FULL;
    private boolean hasResults = true;
    private @Nullable ResultConsumer consumer;
    private @Nullable Executor handlerExecutor;
    private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;
    private int maxInFlightPerWorker; // 0: the default times the launcher's inFlightFactor()
    private final List<ResultHandler> handlers = new ArrayList<>();
    private final List<EventLoopListener> listeners = new ArrayList<>();
    private final Map<String, Target> namedTargets = new LinkedHashMap<>();
    private @Nullable Duration eventTimeout;
    private int maxRestarts = DEFAULT_MAX_RESTARTS;
    private Duration restartWindow = DEFAULT_RESTART_WINDOW;
    private Duration restartBackoff = DEFAULT_RESTART_BACKOFF;
    private Duration maxRestartBackoff = DEFAULT_MAX_RESTART_BACKOFF;
    private long recycleAfterEvents;
    private long recycleAboveHeapBytes;
    private Target.@Nullable Call0<? extends Map<String, ?>> workerInitializer;
    private boolean classDataSharing = true;
    private @Nullable WorkerLauncherFactory workerLauncher;
    private @Nullable BeanDirectory beanDirectory;
    private Duration cancelGrace = DEFAULT_CANCEL_GRACE;
    private Duration livenessTimeout = DEFAULT_LIVENESS_TIMEOUT;
    private Duration ownerShutdownGrace = Duration.ZERO;

    EventLoopBuilder() {
    }

    /** The loop's name, used in thread names, logs and metrics. Default {@code main}. */
    public EventLoopBuilder name(String name) {
        this.name = name;
        return this;
    }

    /** Number of workers (the seed's {@code Pool(processes=n)}). Default 1. */
    public EventLoopBuilder workers(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        this.workers = workers;
        return this;
    }

    /** Child JVMs (default) or threads of this JVM (the seed's {@code use()}). */
    public EventLoopBuilder backend(Backend backend) {
        this.backend = backend;
        return this;
    }

    /** Options for every worker JVM, such as {@code -Xmx256m}. */
    public EventLoopBuilder jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** The {@code java} workers run; default the one running this JVM. */
    public EventLoopBuilder javaExecutable(String javaExecutable) {
        this.javaExecutable = javaExecutable;
        return this;
    }

    /** The workers' class path; default this JVM's {@code java.class.path}. */
    public EventLoopBuilder classPath(String classPath) {
        this.classPath = classPath;
        return this;
    }

    /** A main class of the worker JVM that does its own set-up and then calls {@link WorkerMain#main}. */
    public EventLoopBuilder workerMainClass(Class<?> mainClass) {
        this.workerMainClass = mainClass.getName();
        return this;
    }

    /** How long a worker may take to start and complete its handshake. Default 30 s. */
    public EventLoopBuilder startTimeout(Duration startTimeout) {
        this.startTimeout = positive(startTimeout, "startTimeout");
        return this;
    }

    /** Largest frame, in bytes, either way; larger arguments are refused at submission. Default 16 MiB. */
    public EventLoopBuilder maxFrameBytes(int maxFrameBytes) {
        if (maxFrameBytes < 64 * 1024) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 65536, was " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
        return this;
    }

    /**
     * Deepest nesting of objects and arrays in a value (a linked list of n nodes nests n deep),
     * checked when an event is submitted and when a worker writes a result, as the reader checks
     * it, so nothing accepted is refused on arrival. Default 20,000.
     */
    public EventLoopBuilder maxNestingDepth(int maxNestingDepth) {
        this.maxNestingDepth = atLeast(maxNestingDepth, 16, "maxNestingDepth");
        return this;
    }

    /**
     * Longest number in a value, in characters, as a {@code BigInteger} or {@code BigDecimal}
     * writes it (digits, sign, point, exponent). Default 100,000.
     */
    public EventLoopBuilder maxNumberLength(int maxNumberLength) {
        this.maxNumberLength = atLeast(maxNumberLength, 32, "maxNumberLength");
        return this;
    }

    /** Longest string (or map key) in a value, in characters. Default: as long as a frame allows. */
    public EventLoopBuilder maxStringLength(int maxStringLength) {
        this.maxStringLength = atLeast(maxStringLength, 1, "maxStringLength");
        return this;
    }

    /** Events that may wait for a worker. Default 10,000. */
    public EventLoopBuilder queueCapacity(int queueCapacity) {
        this.queueCapacity = atLeast(queueCapacity, 1, "queueCapacity");
        return this;
    }

    /** When the queue is full, {@code addEvent} waits up to {@code timeout} for room, then fails. Default 10 s. */
    public EventLoopBuilder blockWhenFull(Duration timeout) {
        this.blockWhenFull = positive(timeout, "blockWhenFull");
        return this;
    }

    /** When the queue is full, {@code addEvent} fails at once with {@link EventRejectedException}. */
    public EventLoopBuilder rejectWhenFull() {
        this.blockWhenFull = null;
        return this;
    }

    /** Whether results reach output handlers; {@code false} runs no consumer thread. Default true. */
    public EventLoopBuilder hasResults(boolean hasResults) {
        this.hasResults = hasResults;
        return this;
    }

    /** Output handlers, in order. */
    public EventLoopBuilder outputHandlers(ResultHandler... handlers) {
        this.handlers.addAll(List.of(handlers));
        return this;
    }

    /**
     * A consumer shared with other loops (the seed's shared {@code consumer_queue}); its owner closes
     * it. It runs each loop's own handlers for that loop's results, on its one thread; unlike the
     * seed, one loop's handlers never see another loop's results (see {@link ResultConsumer}).
     */
    public EventLoopBuilder consumer(ResultConsumer consumer) {
        this.consumer = consumer;
        return this;
    }

    /** A listener of every event and worker of the loop, from the first (see {@link EventLoopListener}). */
    public EventLoopBuilder listener(EventLoopListener listener) {
        this.listeners.add(listener);
        return this;
    }

    /** Runs the handlers on this executor (a GUI's event thread) instead of the consumer thread. */
    public EventLoopBuilder handlerExecutor(Executor executor) {
        this.handlerExecutor = executor;
        return this;
    }

    /** How long {@link EventLoop#stop()} lets workers finish their events before ending them. Default 10 s. */
    public EventLoopBuilder stopTimeout(Duration stopTimeout) {
        this.stopTimeout = positive(stopTimeout, "stopTimeout");
        return this;
    }

    /** Most events sent to one worker ahead of its answers. Default 512 times the launcher's {@code inFlightFactor()}. */
    public EventLoopBuilder maxInFlightPerWorker(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxInFlightPerWorker must be at least 1, was " + max);
        }
        this.maxInFlightPerWorker = max;
        return this;
    }

    /** Registers a target by name (the seed's registered coroutine names). */
    public EventLoopBuilder register(String name, Target target) {
        namedTargets.put(name, target);
        return this;
    }

    /** Default timeout of every event (see {@link Event#timeout(Duration)}); none by default. */
    public EventLoopBuilder eventTimeout(Duration timeout) {
        this.eventTimeout = positive(timeout, "eventTimeout");
        return this;
    }

    /**
     * At most {@code maxRestarts} workers replaced within {@code window}; one more loss takes
     * the loop down (it refuses new events) instead of restarting in a loop. Default 5 in 30 s.
     */
    public EventLoopBuilder restartBudget(int maxRestarts, Duration window) {
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
    public EventLoopBuilder restartBackoff(Duration initial, Duration max) {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("restart back-off must be 0 <= initial <= max, was " + initial
                    + " and " + max);
        }
        this.restartBackoff = initial;
        this.maxRestartBackoff = max;
        return this;
    }

    /** Replaces a worker, between events, after it ran {@code events} events; 0 (default) never. */
    public EventLoopBuilder recycleAfterEvents(long events) {
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
    public EventLoopBuilder recycleAboveHeap(long bytes) {
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
    public EventLoopBuilder workerInitializer(Target.Call0<? extends Map<String, ?>> initializer) {
        this.workerInitializer = initializer;
        return this;
    }

    /**
     * Whether worker JVMs start from a start-up archive, kept per {@code java}, JVM options and
     * class path in the temporary directory (a fraction of the start-up CPU and less memory): on
     * JDK 25 and later the AOT cache (JEP 483, recorded in one step by the first worker at its
     * exit, JEP 514), which measured faster there than a dynamic class-data archive; on JDK 19 to
     * 24 a dynamic archive the JVM keeps itself; on JDK 17 and 18 a dynamic archive recorded by the
     * first worker at its exit. The worker's {@code java} decides (its {@code release} file when it
     * is not this JVM's). Used when the class path is made of jar files. Default true.
     */
    public EventLoopBuilder classDataSharing(boolean enabled) {
        this.classDataSharing = enabled;
        return this;
    }

    /**
     * Starts workers with a launcher of another module (such as the Hazelcast backend of
     * {@code mp-event-loop-hazelcast}) instead of the one {@link #backend(Backend)} names. The
     * factory is called at every {@link EventLoop#start()} with the loop's launch settings; the
     * launcher's workers speak the same frames and handshake. {@code null} (default) uses the backend.
     */
    public EventLoopBuilder workerLauncher(@Nullable WorkerLauncherFactory factory) {
        this.workerLauncher = factory;
        return this;
    }

    /**
     * How long a running event cancelled with {@code cancel(true)} has to stop after its worker
     * interrupted it; past that its worker is ended and replaced. Default 5 s.
     */
    public EventLoopBuilder cancelGrace(Duration grace) {
        this.cancelGrace = positive(grace, "cancelGrace");
        return this;
    }

    /**
     * How long a worker has to answer a ping (its frame reader answers even while an event runs)
     * before it is declared unresponsive, ended and replaced; its events fail with a
     * {@link WorkerLostException} saying so, or are retried. Default 30 s.
     */
    public EventLoopBuilder livenessTimeout(Duration timeout) {
        this.livenessTimeout = positive(timeout, "livenessTimeout");
        return this;
    }

    /**
     * Tells the JVM-exit safety net that the loop's owner (an application lifecycle, such as the
     * Spring Boot starter's) closes the loop when the JVM exits: the safety net then waits up to
     * {@code grace} for that close before it ends the loop's workers, instead of ending them at
     * once. A loop whose {@code close()} or {@code stop()} already runs is always given the time
     * they take. Default zero: nobody closes the loop at exit.
     */
    public EventLoopBuilder ownerShutdownGrace(Duration grace) {
        this.ownerShutdownGrace = notNegative(grace, "ownerShutdownGrace");
        return this;
    }

    /**
     * Lets the loop refuse, at submission, a bean target ({@link Event#onBean(Target.Call2, Object)})
     * whose bean its workers do not hold; without one, the worker refuses such an event.
     */
    public EventLoopBuilder beanDirectory(@Nullable BeanDirectory directory) {
        this.beanDirectory = directory;
        return this;
    }

    /** A loop with this configuration, not started. */
    public EventLoop build() {
        LoopSettings settings = new LoopSettings(name, workers, backend, List.copyOf(jvmOptions), javaExecutable,
                classPath, workerMainClass, startTimeout, maxFrameBytes, queueCapacity, blockWhenFull, hasResults,
                consumer, handlerExecutor, stopTimeout, maxInFlightPerWorker, Map.copyOf(namedTargets), eventTimeout,
                maxRestarts, restartWindow, restartBackoff, maxRestartBackoff, recycleAfterEvents,
                recycleAboveHeapBytes, workerInitializer, classDataSharing, workerLauncher, cancelGrace, livenessTimeout,
                ownerShutdownGrace, new WireLimits(maxFrameBytes, maxNestingDepth, maxNumberLength,
                        Math.min(maxStringLength, maxFrameBytes)), beanDirectory);
        return EventLoop.create(settings, List.copyOf(handlers), List.copyOf(listeners));
    }
}
