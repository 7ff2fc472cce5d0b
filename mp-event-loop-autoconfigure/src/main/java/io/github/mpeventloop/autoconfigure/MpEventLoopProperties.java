package io.github.mpeventloop.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import io.github.mpeventloop.EventLoopBuilder;

/**
 * Configuration properties of the auto-configured {@link io.github.mpeventloop.EventLoop}, under
 * {@code mp.event-loop}. The class validates itself: an invalid value fails start-up with the
 * property's name. Defaults are the core's, the constants of {@link EventLoopBuilder}.
 */
@ConfigurationProperties("mp.event-loop")
public class MpEventLoopProperties implements Validator {

    /**
     * Whether to auto-configure the event loop.
     */
    private boolean enabled = true;

    /**
     * Name of the event loop, used in thread names, logs, the "name" tag of its meters and its health details.
     */
    private String name = "main";

    /**
     * Whether the workers start with the application context; when false, the application starts the loop itself.
     */
    private boolean autoStartup = true;

    /**
     * Where events run: "process" for worker JVMs (isolated from this one), "thread" for threads of this JVM
     * (same serialisation round trip, no isolation; for tests and debugging), or the name of a backend
     * module on the class path, such as "hazelcast" (mp-event-loop-hazelcast), whose auto-configuration
     * supplies the launcher.
     */
    private String backend = "process";

    /**
     * Number of workers that run events side by side.
     */
    private int workers = 1;

    /**
     * Whether results are handed to the output handlers; when false, only the events' futures complete.
     */
    private boolean hasResults = true;

    private final Queue queue = new Queue();

    private final Worker worker = new Worker();

    private final Event event = new Event();

    private final Restart restart = new Restart();

    private final Shutdown shutdown = new Shutdown();

    private final Frame frame = new Frame();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getName() {
        return this.name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isAutoStartup() {
        return this.autoStartup;
    }

    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    public String getBackend() {
        return this.backend;
    }

    public void setBackend(String backend) {
        this.backend = backend;
    }

    public int getWorkers() {
        return this.workers;
    }

    public void setWorkers(int workers) {
        this.workers = workers;
    }

    public boolean isHasResults() {
        return this.hasResults;
    }

    public void setHasResults(boolean hasResults) {
        this.hasResults = hasResults;
    }

    public Queue getQueue() {
        return this.queue;
    }

    public Worker getWorker() {
        return this.worker;
    }

    public Event getEvent() {
        return this.event;
    }

    public Restart getRestart() {
        return this.restart;
    }

    public Shutdown getShutdown() {
        return this.shutdown;
    }

    public Frame getFrame() {
        return this.frame;
    }

    @Override
    public boolean supports(Class<?> type) {
        return MpEventLoopProperties.class.isAssignableFrom(type);
    }

    /**
     * Rejects invalid values; each error names its field in the form of its property name (relative
     * to {@code mp.event-loop}), so that the start-up failure names the property.
     */
    @Override
    public void validate(Object target, Errors errors) {
        MpEventLoopProperties properties = (MpEventLoopProperties) target;
        if (!StringUtils.hasText(properties.getName())) {
            errors.rejectValue("name", "blank", "must not be blank");
        }
        atLeast(errors, "workers", properties.getWorkers(), 1);
        atLeast(errors, "queue.capacity", properties.getQueue().getCapacity(), 1);
        positive(errors, "queue.block-timeout", properties.getQueue().getBlockTimeout());
        positive(errors, "event.timeout", properties.getEvent().getTimeout());
        positive(errors, "worker.start-timeout", properties.getWorker().getStartTimeout());
        Integer maxInFlight = properties.getWorker().getMaxInFlight();
        if (maxInFlight != null) {
            atLeast(errors, "worker.max-in-flight", maxInFlight, 1);
        }
        DataSize maxHeap = properties.getWorker().getMaxHeap();
        if (maxHeap != null && maxHeap.toBytes() < Worker.MIN_HEAP.toBytes()) {
            errors.rejectValue("worker.max-heap", "tooSmall", "must be at least " + Worker.MIN_HEAP);
        }
        atLeast(errors, "worker.recycle-after-events", properties.getWorker().getRecycleAfterEvents(), 0);
        DataSize recycleHeap = properties.getWorker().getRecycleAboveHeap();
        if (recycleHeap != null && recycleHeap.toBytes() <= 0) {
            errors.rejectValue("worker.recycle-above-heap", "notPositive", "must be positive");
        }
        Restart restart = properties.getRestart();
        atLeast(errors, "restart.max-restarts", restart.getMaxRestarts(), 0);
        positive(errors, "restart.window", restart.getWindow());
        if (restart.getInitialBackoff() == null || restart.getInitialBackoff().isNegative()) {
            errors.rejectValue("restart.initial-backoff", "negative", "must not be negative");
        } else if (restart.getMaxBackoff() == null || restart.getMaxBackoff().compareTo(restart.getInitialBackoff()) < 0) {
            errors.rejectValue("restart.max-backoff", "lessThanInitial", "must not be less than restart.initial-backoff");
        }
        Duration drain = properties.getShutdown().getDrainTimeout();
        if (drain == null || drain.isNegative()) {
            errors.rejectValue("shutdown.drain-timeout", "negative", "must not be negative");
        }
        positive(errors, "shutdown.stop-timeout", properties.getShutdown().getStopTimeout());
        DataSize frameSize = properties.getFrame().getMaxSize();
        if (frameSize == null || frameSize.toBytes() < Frame.MIN_SIZE.toBytes()
                || frameSize.toBytes() > Integer.MAX_VALUE) {
            errors.rejectValue("frame.max-size", "outOfRange",
                    "must be at least " + Frame.MIN_SIZE + " and less than 2GB");
        }
    }

    private static void atLeast(Errors errors, String field, long value, long min) {
        if (value < min) {
            errors.rejectValue(field, "tooSmall", "must be at least " + min);
        }
    }

    private static void positive(Errors errors, String field, @Nullable Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            errors.rejectValue(field, "notPositive", "must be positive");
        }
    }

    /** What {@code addEvent} does when the queue is full. */
    public enum WhenFull {

        /** Wait up to the block timeout for room, then reject the event. */
        BLOCK,

        /** Reject the event at once. */
        REJECT
    }

    /** The queue of events waiting for a worker. */
    public static class Queue {

        /**
         * Number of events that may wait for a worker.
         */
        private int capacity = EventLoopBuilder.DEFAULT_QUEUE_CAPACITY;

        /**
         * What adding an event does when the queue is full: "block" waits up to the block timeout for room,
         * "reject" fails at once.
         */
        private WhenFull whenFull = WhenFull.BLOCK;

        /**
         * How long adding an event waits for room in a full queue before it is rejected, with "block".
         */
        private Duration blockTimeout = EventLoopBuilder.DEFAULT_BLOCK_WHEN_FULL;

        public int getCapacity() {
            return this.capacity;
        }

        public void setCapacity(int capacity) {
            this.capacity = capacity;
        }

        public WhenFull getWhenFull() {
            return this.whenFull;
        }

        public void setWhenFull(WhenFull whenFull) {
            this.whenFull = whenFull;
        }

        public Duration getBlockTimeout() {
            return this.blockTimeout;
        }

        public void setBlockTimeout(Duration blockTimeout) {
            this.blockTimeout = blockTimeout;
        }
    }

    /** The worker JVMs. */
    public static class Worker {

        static final DataSize MIN_HEAP = DataSize.ofMegabytes(2);

        /**
         * Extra JVM options for each worker process, such as "-XX:+UseSerialGC" or "-Dfile.encoding=UTF-8".
         */
        private List<String> jvmOptions = new ArrayList<>();

        /**
         * Maximum heap of each worker process (its -Xmx); unset leaves it to the JVM's ergonomics.
         */
        private @Nullable DataSize maxHeap;

        /**
         * Path of the java executable for worker processes; unset uses the one running this application.
         */
        private @Nullable String java;

        /**
         * How long a worker may take to start and complete its handshake.
         */
        private Duration startTimeout = EventLoopBuilder.DEFAULT_START_TIMEOUT;

        /**
         * Most events sent to one worker ahead of its answers; the others wait in the queue. Unset: 512 times
         * the worker launcher's in-flight factor (1 for local workers, 4 for the Hazelcast backend's).
         */
        private @Nullable Integer maxInFlight;

        /**
         * Number of events after which a worker is replaced by a fresh one, between events; 0 never.
         */
        private long recycleAfterEvents;

        /**
         * Heap in use, after a collection, above which a worker is replaced by a fresh one, between events;
         * unset never.
         */
        private @Nullable DataSize recycleAboveHeap;

        public List<String> getJvmOptions() {
            return this.jvmOptions;
        }

        public void setJvmOptions(List<String> jvmOptions) {
            this.jvmOptions = jvmOptions;
        }

        public @Nullable DataSize getMaxHeap() {
            return this.maxHeap;
        }

        public void setMaxHeap(@Nullable DataSize maxHeap) {
            this.maxHeap = maxHeap;
        }

        public @Nullable String getJava() {
            return this.java;
        }

        public void setJava(@Nullable String java) {
            this.java = java;
        }

        public Duration getStartTimeout() {
            return this.startTimeout;
        }

        public void setStartTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
        }

        public @Nullable Integer getMaxInFlight() {
            return this.maxInFlight;
        }

        public void setMaxInFlight(@Nullable Integer maxInFlight) {
            this.maxInFlight = maxInFlight;
        }

        public long getRecycleAfterEvents() {
            return this.recycleAfterEvents;
        }

        public void setRecycleAfterEvents(long recycleAfterEvents) {
            this.recycleAfterEvents = recycleAfterEvents;
        }

        public @Nullable DataSize getRecycleAboveHeap() {
            return this.recycleAboveHeap;
        }

        public void setRecycleAboveHeap(@Nullable DataSize recycleAboveHeap) {
            this.recycleAboveHeap = recycleAboveHeap;
        }
    }

    /** Defaults for every event. */
    public static class Event {

        /**
         * Longest an event may run in its worker; past it the event fails with a timeout and its worker is
         * replaced. Unset means no limit; a timeout set on an event itself wins.
         */
        private @Nullable Duration timeout;

        public @Nullable Duration getTimeout() {
            return this.timeout;
        }

        public void setTimeout(@Nullable Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** The restart policy: what happens when a worker dies. */
    public static class Restart {

        /**
         * Whether a worker that dies is replaced; when false, the first lost worker takes the loop down.
         */
        private boolean enabled = true;

        /**
         * Most workers replaced within the restart window; one more loss takes the loop down (it refuses new
         * events and its health is DOWN).
         */
        private int maxRestarts = EventLoopBuilder.DEFAULT_MAX_RESTARTS;

        /**
         * Window over which restarts are counted against the maximum.
         */
        private Duration window = EventLoopBuilder.DEFAULT_RESTART_WINDOW;

        /**
         * Wait before replacing a lost worker, doubled for each recent restart.
         */
        private Duration initialBackoff = EventLoopBuilder.DEFAULT_RESTART_BACKOFF;

        /**
         * Longest wait before replacing a lost worker.
         */
        private Duration maxBackoff = EventLoopBuilder.DEFAULT_MAX_RESTART_BACKOFF;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getMaxRestarts() {
            return this.maxRestarts;
        }

        public void setMaxRestarts(int maxRestarts) {
            this.maxRestarts = maxRestarts;
        }

        public Duration getWindow() {
            return this.window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }

        public Duration getInitialBackoff() {
            return this.initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return this.maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }
    }

    /** Graceful shutdown, when the application context closes. */
    public static class Shutdown {

        /** Default drain timeout. */
        static final Duration DEFAULT_DRAIN = Duration.ofSeconds(15);

        /**
         * How long shutdown waits for queued and running events and their output handlers to finish; events
         * still queued after it are failed and logged.
         */
        private Duration drainTimeout = DEFAULT_DRAIN;

        /**
         * How long, after draining, workers get to finish the events they hold before they are ended.
         */
        private Duration stopTimeout = EventLoopBuilder.DEFAULT_STOP_TIMEOUT;

        public Duration getDrainTimeout() {
            return this.drainTimeout;
        }

        public void setDrainTimeout(Duration drainTimeout) {
            this.drainTimeout = drainTimeout;
        }

        public Duration getStopTimeout() {
            return this.stopTimeout;
        }

        public void setStopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
        }
    }

    /** The frames that carry events and results between this JVM and its workers. */
    public static class Frame {

        static final DataSize MIN_SIZE = DataSize.ofKilobytes(64);

        /**
         * Largest frame either way; an event whose arguments are larger is refused when it is added.
         */
        private DataSize maxSize = DataSize.ofBytes(EventLoopBuilder.DEFAULT_MAX_FRAME_BYTES);

        /**
         * Deepest nesting of objects and arrays in a value (a linked list of n nodes nests n deep);
         * a deeper value is refused when it is added, or, for a result, in the worker. Unset: the
         * core's default (20,000).
         */
        private @Nullable Integer maxNestingDepth;

        /**
         * Longest number in a value, in characters (a BigInteger's or BigDecimal's digits, sign,
         * point and exponent). Unset: the core's default (100,000).
         */
        private @Nullable Integer maxNumberLength;

        /** Longest string or map key in a value, in characters. Unset: as long as a frame allows. */
        private @Nullable Integer maxStringLength;

        public DataSize getMaxSize() {
            return this.maxSize;
        }

        public void setMaxSize(DataSize maxSize) {
            this.maxSize = maxSize;
        }

        public @Nullable Integer getMaxNestingDepth() {
            return this.maxNestingDepth;
        }

        public void setMaxNestingDepth(@Nullable Integer maxNestingDepth) {
            this.maxNestingDepth = maxNestingDepth;
        }

        public @Nullable Integer getMaxNumberLength() {
            return this.maxNumberLength;
        }

        public void setMaxNumberLength(@Nullable Integer maxNumberLength) {
            this.maxNumberLength = maxNumberLength;
        }

        public @Nullable Integer getMaxStringLength() {
            return this.maxStringLength;
        }

        public void setMaxStringLength(@Nullable Integer maxStringLength) {
            this.maxStringLength = maxStringLength;
        }
    }
}
