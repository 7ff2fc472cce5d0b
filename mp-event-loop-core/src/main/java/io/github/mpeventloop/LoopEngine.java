package io.github.mpeventloop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.mpeventloop.internal.process.ExitGuard;
import io.github.mpeventloop.spi.WorkerLauncher;
import io.github.mpeventloop.worker.WorkerContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The machinery behind an {@link EventLoop}: its state (new, running, stopping, stopped), the queue
 * events wait in, and the threads of each run, which it starts and ends: the dispatcher, the
 * starter threads, the timer (timeouts and releases of dropped objects), and the consumer it owns.
 * The jobs are its owners': {@link Submitter} shapes events, {@link Dispatcher} places them,
 * {@link Supervisor} keeps workers, {@link Watchdog} times events, {@link AnswerPath} ends them.
 */
final class LoopEngine {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);

    enum State { NEW, RUNNING, STOPPING, STOPPED }

    private final LoopSettings settings;
    private final EventQueue queue;
    private final DispatchSignal signal = new DispatchSignal();
    private final WorkerPool pool = new WorkerPool(signal);
    private final CachedObjects objects;
    private final IdleTracker idle = new IdleTracker();
    private final HandlerChain handlers = new HandlerChain();
    private final AnswerPath answers;
    private final Supervisor supervisor;
    private final Watchdog watchdog;
    private final Canceller canceller;
    private final Liveness liveness;
    private final JsonMapper mapper;
    private final LoopListeners listeners;
    private final Object lifecycle = new Object();
    private volatile State state = State.NEW;
    private volatile boolean dispatching;
    private volatile boolean accepting = true;
    private @Nullable WorkerLauncher launcher;
    private @Nullable Thread dispatcher;
    private volatile @Nullable Dispatcher placer;
    private @Nullable ExecutorService starter;
    private @Nullable ScheduledExecutorService timer;
    private @Nullable ExitOwner exitOwner;

    LoopEngine(LoopSettings settings, JsonMapper mapper, CachedObjects objects, LoopListeners listeners) {
        this.settings = settings;
        this.mapper = mapper;
        this.objects = objects;
        this.listeners = listeners;
        this.queue = new EventQueue(settings.queueCapacity(), signal::queued);
        this.answers = new AnswerPath(settings, handlers, idle, queue, listeners);
        this.supervisor = new Supervisor(settings, mapper, new SupervisedLoop(), queue, pool, objects, answers, idle,
                listeners);
        this.watchdog = new Watchdog(pool, answers);
        this.canceller = new Canceller(settings, queue, answers);
        this.liveness = new Liveness(settings, pool);
    }

    /** Makes the first events of every new worker: the worker initializer and saved variables. */
    void useSetup(IntFunction<List<PendingEvent>> setupEvents) {
        supervisor.useSetup(setupEvents);
    }

    /** Adds a setup step for the workers started from now on, and sends it to each live worker. */
    void addSetupStep(Runnable register, IntFunction<PendingEvent> event) {
        supervisor.addSetupStep(register, event);
    }

    HandlerChain handlers() {
        return handlers;
    }

    CachedObjects objects() {
        return objects;
    }

    StreamState.Link streamLink() {
        return answers.streamLink();
    }

    State state() {
        return state;
    }

    int queueDepth() {
        return queue.size();
    }

    @Nullable String downReason() {
        return supervisor.downReason();
    }

    long restarts() {
        return supervisor.restarts();
    }

    List<WorkerInfo> workers() {
        List<WorkerInfo> infos = new ArrayList<>();
        for (WorkerSession session : pool.sessions()) {
            infos.add(session.info());
        }
        return infos;
    }

    // ---------------------------------------------------------------- accepting events

    /**
     * Accepts a ready event: queues it as the full-queue policy says, or refuses it. An interrupt
     * while waiting for room refuses it with {@link EventRejectedException} whose cause is the
     * {@link InterruptedException}; the thread's interrupt flag stays set.
     */
    void accept(PendingEvent pending) {
        if (state == State.STOPPING || !accepting) {
            rejected(pending, RejectionReason.STOPPED);
            throw new EventLoopStoppedException("loop " + settings.name() + " is stopping and takes no new events");
        }
        String down = supervisor.downReason();
        if (down != null) {
            rejected(pending, RejectionReason.DOWN);
            throw new EventRejectedException("loop " + settings.name() + " is down: " + down);
        }
        idle.add();
        watchdog.watch(pending);
        pending.future.onCancel(mayInterrupt -> canceller.cancel(pending, mayInterrupt));
        Dispatcher current = placer;
        if (current != null && current.sendAtOnce(pending)) {
            return;
        }
        Duration block = settings.blockWhenFull();
        boolean queued;
        try {
            queued = queue.offer(pending, block == null ? 0 : block.toNanos());
        } catch (InterruptedException e) {
            idle.done();
            rejected(pending, RejectionReason.INTERRUPTED);
            Thread.currentThread().interrupt();
            EventRejectedException rejected = new EventRejectedException("interrupted while waiting for room in the "
                    + "queue of loop " + settings.name());
            rejected.initCause(e);
            throw rejected;
        }
        if (!queued) {
            idle.done();
            rejected(pending, RejectionReason.QUEUE_FULL);
            throw new EventRejectedException("the queue of loop " + settings.name() + " is full ("
                    + settings.queueCapacity() + " events)" + (block == null ? "" : " and stayed full for " + block));
        }
    }

    private void rejected(PendingEvent pending, RejectionReason reason) {
        if (pending.observed) {
            listeners.rejected(pending, reason);
        }
    }

    /** Counts an event that enters the queue other than by {@link #accept} (a lost object's rebuild). */
    void countAccepted() {
        idle.add();
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
            accepting = true;
            WorkerLauncher current = LauncherChoice.of(settings);
            launcher = current;
            answers.useConsumer(settings.consumer() != null ? settings.consumer()
                    : settings.hasResults() ? new ResultConsumer(settings.name(), settings.handlerExecutor()) : null);
            ExecutorService threads = Executors.newCachedThreadPool(daemon("starter"));
            ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(daemon("timer"));
            starter = threads;
            timer = clock;
            objects.startReleasing(clock);
            clock.scheduleWithFixedDelay(liveness::check, liveness.period().toMillis(), liveness.period().toMillis(),
                    TimeUnit.MILLISECONDS);
            canceller.useTimer(clock);
            ExitOwner owner = new ExitOwner(settings, () -> state == State.STOPPING || !accepting);
            exitOwner = owner;
            ExitGuard.register(owner);
            watchdog.start(clock, settings.eventTimeout() != null);
            supervisor.begin(new Supervisor.Run(new WorkerConnector(settings, mapper, current, clock), threads, clock),
                    new SessionRouter(answers, supervisor, signal));
            dispatching = true;
            state = State.RUNNING;
            Dispatcher placing = new Dispatcher(queue,
                    new DispatchRoute(settings, () -> dispatching, pool, answers, objects, listeners), signal);
            placer = placing;
            Thread thread = daemon("dispatcher").newThread(placing);
            dispatcher = thread;
            thread.start();
            startWorkers(threads);
            LOG.debug("Loop {} started {} {} worker(s)", settings.name(), settings.workers(), settings.backend());
        }
    }

    private void startWorkers(ExecutorService threads) {
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (int i = 0; i < settings.workers(); i++) {
            starts.add(CompletableFuture.runAsync(supervisor::addWorker, threads));
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
    }

    /** Threads of this loop, named after it; daemons, and ended by {@link #endRun()}. */
    private ThreadFactory daemon(String role) {
        return runnable -> {
            Thread thread = new Thread(runnable, "mp-event-loop-" + settings.name() + "-" + role);
            thread.setDaemon(true);
            return thread;
        };
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
            return answers.handBack(queue.removeAll(), "loop " + settings.name()
                    + " was stopped before it started this event");
        }
        state = State.STOPPING;
        try {
            haltDispatching();
            List<Event<?>> notRun = answers.handBack(queue.removeAll(),
                    "loop " + settings.name() + " stopped before this event was sent to a worker");
            long deadline = System.nanoTime() + settings.stopTimeout().toNanos();
            List<WorkerSession> sessions = pool.sessions();
            for (WorkerSession session : sessions) {
                for (PendingEvent event : session.concurrentEvents()) {
                    if (event.isStream()) {
                        session.cancel(event, false);
                    }
                }
            }
            for (WorkerSession session : sessions) {
                if (session.drain(Math.max(0, deadline - System.nanoTime()))) {
                    session.sendShutdown();
                } else {
                    LOG.warn("Worker {} of loop {} did not finish its events within {}; ending it", session.id(),
                            settings.name(), settings.stopTimeout());
                    session.link().destroy();
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
                session.link().destroy();
            }
            return List.of();
        } finally {
            endRun();
        }
    }

    /** Ends the threads and resources of this run. */
    private void endRun() {
        supervisor.end();
        canceller.useTimer(null);
        ResultConsumer owned = answers.consumer();
        if (owned != null && owned != settings.consumer()) {
            owned.close();
        }
        ExecutorService threads = starter;
        if (threads != null) {
            threads.shutdownNow();
        }
        ScheduledExecutorService clock = timer;
        if (clock != null) {
            clock.shutdownNow();
        }
        WorkerLauncher current = launcher;
        if (current != null) {
            current.close();
        }
        state = State.STOPPED;
        ExitOwner owner = exitOwner;
        if (owner != null) {
            ExitGuard.unregister(owner);
            owner.stopped();
        }
    }

    /** Stops the dispatcher and waits for it, unless called by the dispatcher itself. */
    private void haltDispatching() {
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
    }

    /** Waits for idle as long as events keep finishing; false once none finished for {@code stall}. */
    boolean awaitIdleWhileProgressing(Duration stall) throws InterruptedException {
        checkAwaitIdle();
        return idle.awaitWhileProgressing(stall.toNanos());
    }

    boolean awaitIdle(Duration timeout) throws InterruptedException {
        checkAwaitIdle();
        return idle.await(timeout.toNanos());
    }

    /** Whether the calling thread is the consumer thread that runs this loop's handlers. */
    boolean isConsumerThread() {
        ResultConsumer current = answers.consumer();
        return current != null && current.isConsumerThread();
    }

    private void checkAwaitIdle() {
        if (isConsumerThread()) {
            throw new IllegalStateException("awaitIdle() called from an output handler would wait for itself");
        }
        if (state != State.RUNNING && idle.outstanding() > 0) {
            throw new IllegalStateException("loop " + settings.name() + " is not running; " + idle.outstanding()
                    + " event(s) wait for start()");
        }
    }

    /** The loop as supervision sees it. */
    private final class SupervisedLoop implements Supervisor.Loop {
        @Override
        public boolean isRunning() {
            return state == State.RUNNING;
        }

        @Override
        public void haltDispatching() {
            LoopEngine.this.haltDispatching();
        }
    }
}
