package io.github.mpeventloop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongFunction;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.mpeventloop.internal.launch.ProcessWorkerLauncher;
import io.github.mpeventloop.internal.launch.ThreadWorkerLauncher;
import io.github.mpeventloop.spi.ExitReport;
import io.github.mpeventloop.spi.LaunchSettings;
import io.github.mpeventloop.spi.WorkerLauncher;
import io.github.mpeventloop.spi.WorkerLauncherFactory;
import io.github.mpeventloop.internal.wire.Frames;
import io.github.mpeventloop.internal.wire.RemoteError;
import io.github.mpeventloop.worker.WorkerContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The machinery behind an {@link EventLoop}: its state, queue, dispatcher, workers and the path
 * of every answer back to the event's future and the output handlers. Every accepted event ends
 * exactly once here, in {@link #finish}: as a value, a remote error, a lost worker, or an event
 * handed back by {@link #stop()}.
 */
final class LoopEngine {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
    private static final int START_ATTEMPTS = 3;
    private static final long WATCHDOG_PERIOD_MILLIS = 20;

    enum State { NEW, RUNNING, STOPPING, STOPPED }

    private final LoopSettings settings;
    private final JsonMapper mapper;
    private final CallEncoder encoder;
    private final EventQueue queue;
    private final DispatchSignal signal = new DispatchSignal();
    private final WorkerPool pool = new WorkerPool(signal);
    private final CachedObjects objects;
    private volatile boolean dispatching;
    private volatile boolean accepting = true;
    private final IdleTracker idle = new IdleTracker();
    private final HandlerChain handlers = new HandlerChain();
    private final AtomicLong eventIds = new AtomicLong();
    private final AtomicInteger workerIds = new AtomicInteger();
    private final Object lifecycle = new Object();
    private volatile State state = State.NEW;
    private volatile @Nullable String downReason;
    private volatile @Nullable ResultConsumer consumer;
    private @Nullable WorkerLauncher launcher;
    private @Nullable Thread dispatcher;
    private @Nullable ExecutorService starter;
    private @Nullable ScheduledExecutorService scheduler;
    private final Deque<Long> recentRestarts = new ArrayDeque<>();
    private final AtomicLong restarts = new AtomicLong();
    private volatile boolean timeoutsInUse;
    private final LoopListeners listeners;

    LoopEngine(LoopSettings settings, JsonMapper mapper, CachedObjects objects, LoopListeners listeners) {
        this.settings = settings;
        this.listeners = listeners;
        this.mapper = mapper;
        this.objects = objects;
        this.encoder = new CallEncoder(mapper, settings.maxFrameBytes());
        this.queue = new EventQueue(settings.queueCapacity(), signal::wake);
    }

    JavaType typeOf(java.lang.reflect.Type type) {
        return mapper.getTypeFactory().constructType(type);
    }

    /** The type of a list of {@code element}. */
    JavaType listOf(JavaType element) {
        return mapper.getTypeFactory().constructCollectionType(List.class, element);
    }

    <V> @Nullable V convert(@Nullable Object value, Class<V> type) {
        return value == null ? null : mapper.convertValue(value, type);
    }

    CallEncoder encoder() {
        return encoder;
    }

    HandlerChain handlers() {
        return handlers;
    }

    State state() {
        return state;
    }

    int queueDepth() {
        return queue.size();
    }

    @Nullable String downReason() {
        return downReason;
    }

    /** Workers started to replace lost or recycled ones since the loop was built. */
    long restarts() {
        return restarts.get();
    }

    List<WorkerInfo> workers() {
        List<WorkerInfo> infos = new ArrayList<>();
        for (WorkerSession session : pool.sessions()) {
            infos.add(session.info());
        }
        return infos;
    }

    // ---------------------------------------------------------------- submission

    /** Accepts a plain event: encodes it (which may refuse it), then queues it as the full-queue policy says. */
    PendingEvent submit(Event<?> event, LongFunction<byte[]> encode, JavaType resultType, List<ObjectHandle> pins,
            @Nullable Proxy<?> proxy) {
        return submit(event, encode, CallKind.plain(resultType), null, pins, proxy);
    }

    /**
     * Makes an accepted event ready for the queue: its id, its frame (encoded now, which may refuse
     * it), its timeout, its stream state, and its count among the outstanding events.
     */
    PendingEvent prepare(Event<?> event, LongFunction<byte[]> encode, CallKind kind, @Nullable EventStream<?> handle,
            List<ObjectHandle> pins, @Nullable Proxy<?> proxy) {
        return prepare(event, encode, kind, handle, pins, proxy, false);
    }

    /**
     * {@link #prepare}; an {@code observed} event is reported {@linkplain EventLoopListener#accepted
     * accepted} before it is encoded, with the fields the listeners carry written into its frame.
     */
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
            stream.bind(pending, streamLink);
            if (handle != null) {
                handle.attach(pending);
            }
        }
        if (timeout != null) {
            timeoutsInUse = true;
        }
        idle.add();
        return pending;
    }

    /**
     * Accepts an event of any kind; a streamed one gets its parent-side state, with the caller's
     * {@code handle} if there is one, before it can reach a worker.
     */
    PendingEvent submit(Event<?> event, LongFunction<byte[]> encode, CallKind kind, @Nullable EventStream<?> handle,
            List<ObjectHandle> pins, @Nullable Proxy<?> proxy) {
        if (state == State.STOPPING || !accepting) {
            listeners.refused(event, RejectionReason.STOPPED);
            throw new EventLoopStoppedException("loop " + settings.name() + " is stopping and takes no new events");
        }
        String down = downReason;
        if (down != null) {
            listeners.refused(event, RejectionReason.DOWN);
            throw new EventRejectedException("loop " + settings.name() + " is down: " + down);
        }
        PendingEvent pending = prepare(event, encode, kind, handle, pins, proxy, true);
        boolean queued;
        try {
            Duration block = settings.blockWhenFull();
            queued = queue.offer(pending, block == null ? 0 : block.toNanos());
        } catch (InterruptedException e) {
            idle.done();
            listeners.rejected(pending, RejectionReason.INTERRUPTED);
            Thread.currentThread().interrupt();
            throw new EventRejectedException("interrupted while waiting for room in the queue of loop " + settings.name());
        }
        if (!queued) {
            idle.done();
            listeners.rejected(pending, RejectionReason.QUEUE_FULL);
            Duration block = settings.blockWhenFull();
            throw new EventRejectedException("the queue of loop " + settings.name() + " is full ("
                    + settings.queueCapacity() + " events)" + (block == null ? "" : " and stayed full for " + block));
        }
        return pending;
    }

    // ---------------------------------------------------------------- lifecycle

    void start() {
        synchronized (lifecycle) {
            if (state == State.RUNNING) {
                return;
            }
            if (WorkerContext.isWorkerProcess()) {
                throw new IllegalStateException("code running in a worker must not start an event loop of its own");
            }
            downReason = null;
            accepting = true;
            LaunchSettings launch = new LaunchSettings(settings.name(), settings.javaExecutable(), settings.jvmOptions(),
                    settings.classPath(), settings.workerMainClass(), settings.startTimeout(), settings.maxFrameBytes(),
                    settings.recycleAboveHeapBytes(), settings.classDataSharing());
            WorkerLauncherFactory custom = settings.workerLauncher();
            if (custom == null && settings.backend() == Backend.HAZELCAST) {
                throw new IllegalStateException("backend HAZELCAST needs a launcher from mp-event-loop-hazelcast: "
                        + "EventLoop.builder().workerLauncher(HazelcastWorkerLauncher.on(hazelcastInstance))");
            }
            launcher = custom != null ? custom.create(launch)
                    : settings.backend() == Backend.THREAD ? new ThreadWorkerLauncher(launch)
                    : new ProcessWorkerLauncher(launch);
            consumer = settings.consumer() != null ? settings.consumer()
                    : settings.hasResults() ? new ResultConsumer(settings.name(), settings.handlerExecutor()) : null;
            starter = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "mp-event-loop-" + settings.name() + "-starter");
                thread.setDaemon(true);
                return thread;
            });
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "mp-event-loop-" + settings.name() + "-watchdog");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.scheduleWithFixedDelay(this::checkTimeouts, WATCHDOG_PERIOD_MILLIS, WATCHDOG_PERIOD_MILLIS,
                    TimeUnit.MILLISECONDS);
            timeoutsInUse = settings.eventTimeout() != null;
            synchronized (recentRestarts) {
                recentRestarts.clear();
            }
            dispatching = true;
            state = State.RUNNING;
            Thread thread = new Thread(new Dispatcher(queue, new DispatcherView(), signal),
                    "mp-event-loop-" + settings.name() + "-dispatcher");
            thread.setDaemon(true);
            dispatcher = thread;
            thread.start();

            List<CompletableFuture<Void>> starts = new ArrayList<>();
            for (int i = 0; i < settings.workers(); i++) {
                starts.add(CompletableFuture.runAsync(this::addWorker, starter));
            }
            RuntimeException failure = null;
            for (CompletableFuture<Void> start : starts) {
                try {
                    start.join();
                } catch (RuntimeException e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    RuntimeException error = cause instanceof RuntimeException runtime ? runtime
                            : new WorkerStartException(cause.toString(), cause);
                    if (failure == null) {
                        failure = error;
                    } else {
                        failure.addSuppressed(error);
                    }
                }
            }
            if (failure != null) {
                stopLocked();
                throw failure;
            }
            LOG.debug("Loop {} started {} {} worker(s)", settings.name(), settings.workers(), settings.backend());
        }
    }

    private void addWorker() {
        WorkerLauncher current = launcher;
        if (current == null) {
            return;
        }
        WorkerLink worker = new WorkerConnector(settings, mapper, current, scheduler).connect(workerIds.incrementAndGet());
        WorkerSession session = new WorkerSession(worker, this, mapper, settings.maxInFlightPerWorker(),
                settings.recycleAfterEvents());
        session.startReading("mp-event-loop-" + settings.name() + "-worker-" + worker.id() + "-reader");
        if (state != State.RUNNING) {
            session.sendShutdown();
            return;
        }
        initialize(session);
        pool.add(session);
        listeners.workerStarted(session.info());
    }

    /** Sends the worker initializer as the first event of a new worker, before any other can reach it. */
    private void initialize(WorkerSession session) {
        Target.Call0<? extends java.util.Map<String, ?>> initializer = settings.workerInitializer();
        if (initializer == null) {
            return;
        }
        io.github.mpeventloop.internal.call.LambdaTargets.Captured target =
                io.github.mpeventloop.internal.call.LambdaTargets.describe(initializer);
        CallShape shape = new CallShape(java.util.Map.of(), java.util.Map.of(), 0, List.of(), true);
        long id = eventIds.incrementAndGet();
        CallEvent<?> event = Event.of(initializer);
        event.noOutput().key("worker initializer of worker " + session.id());
        PendingEvent pending = new PendingEvent(id, event, encoder.encodeCall(id, false, target.target(),
                target.values(), new Object[0], shape), typeOf(Object.class), 0, List.of(), null);
        idle.add();
        session.send(pending);
        session.flush();
    }

    /** Refuses new events from now on, until the next start; what was accepted still runs. */
    void stopAccepting() {
        accepting = false;
    }

    List<Event<?>> stop() {
        synchronized (lifecycle) {
            return stopLocked();
        }
    }

    private List<Event<?>> stopLocked() {
        if (state != State.RUNNING) {
            return handBack(queue.removeAll(), "loop " + settings.name() + " was stopped before it started this event");
        }
        state = State.STOPPING;
        try {
            dispatching = false;
            signal.wake();
            Thread thread = dispatcher;
            if (thread != null) {
                thread.join();
            }
            List<Event<?>> notRun = handBack(queue.removeAll(),
                    "loop " + settings.name() + " stopped before this event was sent to a worker");
            long drainNanos = settings.stopTimeout().toNanos();
            long deadline = System.nanoTime() + drainNanos;
            List<WorkerSession> sessions = pool.sessions();
            for (WorkerSession session : sessions) {
                for (PendingEvent event : session.concurrentEvents()) {
                    if (event.isStream()) {
                        session.cancel(event);
                    }
                }
            }
            for (WorkerSession session : sessions) {
                if (session.drain(Math.max(0, deadline - System.nanoTime()))) {
                    session.sendShutdown();
                } else {
                    LOG.warn("Worker {} of loop {} did not finish its events within {}; ending it", session.id(),
                            settings.name(), settings.stopTimeout());
                    session.worker().destroy();
                }
            }
            for (WorkerSession session : sessions) {
                session.awaitReader(TimeUnit.SECONDS.toMillis(15));
            }
            idle.await(TimeUnit.SECONDS.toNanos(30));
            return notRun;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            for (WorkerSession session : pool.sessions()) {
                session.worker().destroy();
            }
            return List.of();
        } finally {
            ResultConsumer owned = consumer;
            if (owned != null && owned != settings.consumer()) {
                owned.close();
            }
            ExecutorService threads = starter;
            if (threads != null) {
                threads.shutdownNow();
            }
            ScheduledExecutorService timer = scheduler;
            if (timer != null) {
                timer.shutdownNow();
            }
            WorkerLauncher current = launcher;
            if (current != null) {
                current.close();
            }
            state = State.STOPPED;
        }
    }

    private List<Event<?>> handBack(List<PendingEvent> events, String reason) {
        return handBack(events, reason, EventLoopStoppedException::new);
    }

    private List<Event<?>> handBack(List<PendingEvent> events, String reason,
            Function<String, RuntimeException> failure) {
        List<Event<?>> handedBack = new ArrayList<>();
        for (PendingEvent event : events) {
            RuntimeException error = failure.apply(reason + " (event " + event.id + ")");
            if (event.observed) {
                listeners.completed(event, EventOutcome.HANDED_BACK, error, 0);
            }
            event.future.completeExceptionally(error);
            idle.done();
            handedBack.add(event.event);
        }
        if (!handedBack.isEmpty()) {
            LOG.warn("Loop {} handed back {} event(s) that did not run: {}", settings.name(), handedBack.size(), reason);
        }
        return handedBack;
    }

    boolean awaitIdle(Duration timeout) throws InterruptedException {
        ResultConsumer current = consumer;
        if (current != null && current.isConsumerThread()) {
            throw new IllegalStateException("awaitIdle() called from an output handler would wait for itself");
        }
        if (state != State.RUNNING && idle.outstanding() > 0) {
            throw new IllegalStateException("loop " + settings.name() + " is not running; " + idle.outstanding()
                    + " event(s) wait for start()");
        }
        return idle.await(timeout.toNanos());
    }

    // ---------------------------------------------------------------- answers

    void capacityChanged() {
        signal.wake();
    }

    void answered(WorkerSession session, PendingEvent event, AnswerReader.Answer answer) {
        Throwable error = answer.valueError;
        if (Frames.ERROR.equals(answer.type)) {
            JsonNode remote = answer.error;
            error = new RemoteEventException("event " + event.id + " failed in worker " + session.id(),
                    remote == null ? new RemoteError("unknown", "the worker sent no error", List.of(), null)
                            : RemoteError.read(remote));
        }
        if (event.proxy != null && error == null && answer.mirror != null && !answer.mirror.isNull()) {
            event.mirror = mapper.convertValue(answer.mirror, java.util.Map.class);
        }
        finish(event, error == null ? answer.value : null, error, session.id(), answer.nanos, session.deliveries(),
                answer.items, answer.cancelled);
    }

    /** One item of a stream: to the caller's handle, and to the handlers as a result of its own. */
    void item(WorkerSession session, PendingEvent event, AnswerReader.Answer answer) {
        StreamState stream = event.stream;
        if (stream == null || event.ended.get()) {
            return;
        }
        if (answer.valueError != null) {
            session.cancel(event);
            finish(event, null, answer.valueError, session.id(), 0, session.deliveries(), stream.received(), false);
            return;
        }
        Object value = answer.value;
        stream.received(value);
        if (event.observed) {
            listeners.item(event, answer.index);
        }
        ResultConsumer current = consumer;
        if (!event.reachesHandlers() || !settings.hasResults()) {
            return;
        }
        if (current == null) {
            stream.handled();
            return;
        }
        EventResult<Object> result = new EventResult<>(event.id, event.event, value, null, session.id(), 0,
                System.nanoTime() - event.submittedNanos, event.attempts, answer.index, false, -1, false);
        session.deliveries().add(new Delivery(result, handlers, stream::handled));
    }

    /** How streams reach their worker: credit and cancellation. */
    private final StreamState.Link streamLink = new StreamState.Link() {
        @Override
        public void credit(PendingEvent event, long items) {
            WorkerSession session = event.session;
            if (session != null) {
                session.credit(event, items);
            }
        }

        @Override
        public void cancel(PendingEvent event) {
            event.cancelRequested = true;
            if (event.ended.get()) {
                return;
            }
            WorkerSession session = event.session;
            if (session != null) {
                session.cancel(event);
            } else if (queue.remove(event)) {
                finish(event, null, null, 0, 0, null, 0, true);
            }
        }
    };

    /** Hands the results a reader thread collected to the consumer, in one go; readers call it before they block. */
    void deliverPending(WorkerSession session) {
        List<Runnable> batch = session.deliveries();
        if (batch.isEmpty()) {
            return;
        }
        ResultConsumer current = consumer;
        List<Runnable> deliveries = List.copyOf(batch);
        batch.clear();
        if (current != null) {
            current.postAll(deliveries);
        } else {
            deliveries.forEach(Runnable::run);
        }
    }

    private void finish(PendingEvent event, @Nullable Object value, @Nullable Throwable error, int workerId,
            long executionNanos) {
        finish(event, value, error, workerId, executionNanos, null);
    }

    /**
     * Ends an event: completes its future, then hands its result to the handlers (or counts it
     * done); a reader thread passes its {@code batch}, which it hands to the consumer in one go.
     */
    private void finish(PendingEvent event, @Nullable Object value, @Nullable Throwable error, int workerId,
            long executionNanos, @Nullable List<Runnable> batch) {
        finish(event, value, error, workerId, executionNanos, batch, -1, false);
    }

    /**
     * Ends an event, once: a second call for the same event (a late answer of an event that timed
     * out or was failed already) does nothing. A stream's end carries how many items the worker
     * sent ({@code items}, or -1 to count those received) and whether it was cancelled; its value
     * is {@code null}.
     */
    private void finish(PendingEvent event, @Nullable Object value, @Nullable Throwable error, int workerId,
            long executionNanos, @Nullable List<Runnable> batch, long items, boolean cancelled) {
        if (!event.ended.compareAndSet(false, true)) {
            return;
        }
        StreamState stream = event.stream;
        long itemCount = -1;
        if (stream != null) {
            itemCount = items >= 0 ? items : stream.received();
            value = null;
            EventStream<?> handle = stream.handle();
            if (handle != null) {
                handle.ended(error == null ? new StreamEnd(itemCount, cancelled) : null, error);
            }
        } else if (event.kind.wrapStage() && error == null) {
            value = CompletableFuture.completedFuture(value);
        }
        EventResult<Object> result = new EventResult<>(event.id, event.event, value, error, workerId, executionNanos,
                System.nanoTime() - event.submittedNanos, event.attempts, -1, stream != null, itemCount,
                cancelled && error == null);
        if (event.observed) {
            listeners.completed(event, LoopListeners.outcomeOf(error, cancelled), error, executionNanos);
        }
        if (error == null) {
            event.future.complete(value);
        } else {
            event.future.completeExceptionally(error);
        }
        ResultConsumer current = consumer;
        if (event.reachesHandlers() && settings.hasResults() && current != null) {
            Delivery delivery = new Delivery(result, handlers, idle::done);
            if (batch != null) {
                batch.add(delivery);
            } else {
                current.post(delivery);
            }
            return;
        }
        if (error != null && !event.hasOutput()) {
            LOG.warn("Event {} ({}) failed: {}", event.id, event.event.key() != null ? event.event.key()
                    : "no output asked", error.toString());
        }
        Proxy<?> proxy = event.proxy;
        if (proxy == null) {
            idle.done();
            return;
        }
        java.util.Map<String, Object> mirror = error == null ? event.mirror : null;
        Runnable sync = () -> {
            try {
                proxy.synced(mirror);
            } finally {
                idle.done();
            }
        };
        if (batch != null) {
            batch.add(sync);
        } else if (current != null) {
            current.post(sync);
        } else {
            sync.run();
        }
    }

    /**
     * A worker's channel ended. Its unanswered events are run again when they asked for retries,
     * or fail with the worker's report: any of them may have run, since a worker sends its answers
     * in batches. Exceptions, where none of them can have started: the worker said goodbye (it
     * answers everything before it), it declared itself dying after a fatal error (it runs nothing
     * after that answer), or it was ended because an event timed out (that event already failed;
     * a worker runs one event at a time and sends what it answered within a millisecond, so the
     * others were waiting behind it). Those go back to the head of the queue at no cost.
     */
    void sessionEnded(WorkerSession session, boolean saidBye, @Nullable Throwable cause) {
        boolean retiring = session.state() == WorkerInfo.State.RETIRING;
        List<PendingEvent> unanswered = new ArrayList<>(session.end());
        unanswered.removeIf(event -> event.ended.get());
        pool.remove(session);
        String condemned = session.condemnedBecause();
        if (session.objectCount() > 0) {
            objects.loseAllOn(session, "worker " + session.id() + " (pid " + session.worker().pid() + "), which held it, "
                    + (saidBye ? "exited" : "was lost" + (cause == null ? "" : " (" + cause + ")")));
        }
        if (saidBye) {
            requeue(unanswered, false);
            unanswered = List.of();
        } else {
            List<PendingEvent> started = possiblyStarted(unanswered, session.isDying() || condemned != null,
                    session.endingSequence());
            List<PendingEvent> waiting = new ArrayList<>(unanswered);
            waiting.removeAll(started);
            requeue(waiting, false);
            unanswered = started;
        }
        if (saidBye) {
            session.worker().awaitExit(Duration.ofSeconds(5));
            return;
        }
        ExitReport report = session.worker().awaitExit(Duration.ofSeconds(2));
        String why = condemned != null ? condemned : cause == null ? "its channel closed" : cause.toString();
        String message = "worker " + session.id() + " (pid " + session.worker().pid() + ") was lost (" + why + "): "
                + report.format() + crashFile(session.worker().pid());
        if (state == State.RUNNING || !unanswered.isEmpty()) {
            LOG.error("Loop {}: {}; {} event(s) in flight", settings.name(), message, unanswered.size());
        }
        if (condemned == null) {
            listeners.workerLost(session.info(), message);
        }
        List<PendingEvent> retried = new ArrayList<>();
        for (PendingEvent event : unanswered) {
            boolean replayable = event.stream == null || event.stream.received() == 0;
            if (state == State.RUNNING && downReason == null && event.canRetry() && replayable) {
                retried.add(event);
            } else {
                finish(event, null, new WorkerLostException("event " + event.id + " did not complete after "
                        + event.attempts + " attempt(s): " + message, session.id(), report.exitCode(), cause),
                        session.id(), 0);
            }
        }
        requeue(retried, true);
        if (state == State.RUNNING && !retiring) {
            restartAfterLoss(message);
        }
    }

    /**
     * The unanswered events of a lost worker that may have started. After a crash, all of them: a
     * worker sends its answers in batches (within a millisecond of each event's end), so an event
     * may have finished with its answer still in the dead worker's buffer. When the worker ended
     * because an event timed out or after a fatal error ({@code ended}), the event that ended it
     * was running and nothing sent after it started; plain events sent before it were answered, so
     * only the asynchronous and streaming events sent before it may be under way.
     */
    private static List<PendingEvent> possiblyStarted(List<PendingEvent> unanswered, boolean ended,
            long endingSequence) {
        if (!ended) {
            return new ArrayList<>(unanswered);
        }
        List<PendingEvent> started = new ArrayList<>();
        for (PendingEvent event : unanswered) {
            if (!event.isPlain() && event.sendSequence < endingSequence) {
                started.add(event);
            }
        }
        return started;
    }

    private static String crashFile(long pid) {
        Path crash = Path.of("hs_err_pid" + pid + ".log").toAbsolutePath();
        return Files.exists(crash) ? "; JVM crash file: " + crash : "";
    }

    /** Puts events back at the head of the queue, in their order; {@code ran} says whether this cost them an attempt. */
    private void requeue(List<PendingEvent> events, boolean ran) {
        for (int i = events.size() - 1; i >= 0; i--) {
            PendingEvent event = events.get(i);
            if (!ran) {
                event.attempts--;
            }
            queue.pushFront(event);
        }
        if (!events.isEmpty() && state != State.RUNNING) {
            handBack(queue.removeAll(), "loop " + settings.name() + " stopped before this event could run again");
        }
    }

    /** Counts a restart against the budget, then replaces the worker after a back-off, or takes the loop down. */
    private void restartAfterLoss(String lastLoss) {
        long now = System.nanoTime();
        int recent;
        synchronized (recentRestarts) {
            long windowStart = now - settings.restartWindow().toNanos();
            while (!recentRestarts.isEmpty() && recentRestarts.peekFirst() < windowStart) {
                recentRestarts.removeFirst();
            }
            recent = recentRestarts.size();
            if (recent < settings.maxRestarts()) {
                recentRestarts.addLast(now);
            }
        }
        if (recent >= settings.maxRestarts()) {
            goDown(settings.maxRestarts() + " workers were replaced within " + settings.restartWindow()
                    + " and another was lost; last: " + lastLoss);
            return;
        }
        long backoff = recent == 0 ? 0 : Math.min(settings.maxRestartBackoff().toMillis(),
                settings.restartBackoff().toMillis() << Math.min(recent - 1, 20));
        ScheduledExecutorService timer = scheduler;
        if (timer != null) {
            try {
                timer.schedule(() -> startReplacement(), backoff, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("loop {} stopped before a replacement was scheduled", settings.name());
            }
        }
    }

    private void startReplacement() {
        ExecutorService threads = starter;
        if (threads == null || state != State.RUNNING) {
            return;
        }
        threads.execute(() -> {
            for (int attempt = 1; attempt <= START_ATTEMPTS && state == State.RUNNING; attempt++) {
                try {
                    addWorker();
                    restarts.incrementAndGet();
                    return;
                } catch (RuntimeException e) {
                    LOG.error("Loop {}: replacement worker failed to start (attempt {} of {})", settings.name(),
                            attempt, START_ATTEMPTS, e);
                }
            }
            if (state == State.RUNNING && pool.isEmpty()) {
                goDown("no worker could be started after " + START_ATTEMPTS + " attempts");
            }
        });
    }

    /** Refuses new events and fails the queued ones: workers cannot be kept alive. */
    private void goDown(String reason) {
        synchronized (this) {
            if (downReason != null) {
                return;
            }
            downReason = reason;
        }
        LOG.error("Loop {} is DOWN and refuses new events: {}", settings.name(), reason);
        dispatching = false;
        signal.wake();
        Thread thread = dispatcher;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        handBack(queue.removeAll(), "loop " + settings.name() + " is down: " + reason, EventRejectedException::new);
    }

    // ---------------------------------------------------------------- recycling and timeouts

    /** After each answer: recycles a worker that reached its event budget. */
    void afterAnswer(WorkerSession session, long eventsDone) {
        long budget = settings.recycleAfterEvents();
        if (budget > 0 && eventsDone >= budget) {
            retire(session, "it ran " + eventsDone + " events");
        }
    }

    /** Replaces a worker between events: a new one starts now, the old one finishes what it has and exits. */
    void retire(WorkerSession session, String because) {
        if (session.objectCount() > 0) {
            LOG.debug("Loop {}: worker {} holds cached objects and is not recycled although {}", settings.name(),
                    session.id(), because);
            return;
        }
        if (state != State.RUNNING || !session.retire()) {
            return;
        }
        LOG.info("Loop {}: recycling worker {} because {}", settings.name(), session.id(), because);
        listeners.workerRecycled(session.info(), because);
        signal.wake();
        startReplacement();
    }

    private void checkTimeouts() {
        if (!timeoutsInUse) {
            return;
        }
        long now = System.nanoTime();
        for (WorkerSession session : pool.sessions()) {
            PendingEvent running = session.running();
            if (running == null || running.timeoutNanos == 0
                    || now - session.runningSince(running) <= running.timeoutNanos) {
                continue;
            }
            Duration timeout = Duration.ofNanos(running.timeoutNanos);
            String because = "event " + running.id + " ran longer than its timeout of " + timeout;
            if (session.condemn(running, because) == null) {
                continue;
            }
            listeners.workerHung(session.info(), because);
            finish(running, null, new EventTimeoutException("event " + running.id + " did not finish within "
                    + timeout + " in worker " + session.id() + " (pid " + session.worker().pid()
                    + "); the worker was ended and is replaced", timeout), session.id(), now - running.sentNanos);
            session.worker().destroy();
        }
        for (WorkerSession session : pool.sessions()) {
            for (PendingEvent event : session.concurrentEvents()) {
                if (event.timeoutNanos > 0 && !event.ended.get()) {
                    checkTimeout(session, event, now);
                }
            }
        }
    }

    /**
     * An asynchronous event times out when its stage has not completed within its timeout of being
     * sent: it fails, and the worker, whose thread the stage does not hold, is asked to cancel the
     * stage and goes on. A stream times out when no item (nor its end) arrived within its timeout
     * while it had credit: its producer may hold the worker's thread, so it fails and the worker is
     * ended and replaced, as for a plain event.
     */
    private void checkTimeout(WorkerSession session, PendingEvent event, long now) {
        Duration timeout = Duration.ofNanos(event.timeoutNanos);
        StreamState stream = event.stream;
        if (stream == null) {
            if (now - event.sentNanos <= event.timeoutNanos) {
                return;
            }
            finish(event, null, new EventTimeoutException("event " + event.id + " did not complete within " + timeout
                    + " in worker " + session.id() + "; its stage was cancelled", timeout), session.id(),
                    now - event.sentNanos);
            session.cancel(event);
            return;
        }
        if (!stream.hasCredit() || now - Math.max(event.sentNanos, stream.lastProgressNanos()) <= event.timeoutNanos) {
            return;
        }
        String because = "stream " + event.id + " sent nothing for longer than its timeout of " + timeout;
        if (session.condemn(event, because) == null) {
            return;
        }
        listeners.workerHung(session.info(), because);
        finish(event, null, new EventTimeoutException("stream " + event.id + " sent no item within " + timeout
                + " in worker " + session.id() + " (pid " + session.worker().pid()
                + "); the worker was ended and is replaced", timeout), session.id(), now - event.sentNanos);
        session.worker().destroy();
    }

    /** The loop as its dispatcher sees it. */
    private final class DispatcherView implements Dispatcher.Loop {

        @Override
        public void dispatched(PendingEvent event) {
            if (event.observed) {
                listeners.dispatched(event);
            }
        }

        @Override
        public boolean dispatching() {
            return dispatching;
        }

        @Override
        public List<WorkerSession> sessions() {
            return pool.sessions();
        }

        @Override
        public void fail(PendingEvent event, RuntimeException error) {
            finish(event, null, error, 0, 0);
        }

        @Override
        public @Nullable PendingEvent rebuild(ObjectHandle handle) {
            PendingEvent creation = handle.revive();
            if (creation != null) {
                LOG.warn("Loop {}: object {} was lost ({}); it is built again from its factory in another worker, "
                        + "with its state afresh", settings.name(), handle, handle.lostBecauseBeforeRevival());
            }
            return creation;
        }

        @Override
        public void releaseDropped() {
            List<ObjectHandle> dropped = objects.takeDropped();
            if (dropped.isEmpty()) {
                return;
            }
            java.util.Map<WorkerSession, List<Long>> byHolder = new java.util.HashMap<>();
            for (ObjectHandle handle : dropped) {
                WorkerSession holder = handle.holder();
                if (holder != null) {
                    byHolder.computeIfAbsent(holder, session -> new ArrayList<>()).add(handle.id);
                }
            }
            byHolder.forEach(WorkerSession::release);
        }
    }
}
