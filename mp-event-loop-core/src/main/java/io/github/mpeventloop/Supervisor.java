package io.github.mpeventloop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.mpeventloop.spi.ExitReport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps a loop's workers alive, and decides what becomes of a worker's events when it ends: starts
 * workers (each with the worker initializer as its first event), classifies the unanswered events of
 * a worker that ended ({@link LossClassifier}) into those put back at no cost, those retried and
 * those failed with {@link WorkerLostException}, replaces lost workers within the
 * {@link RestartPolicy}, retires (recycles) workers between events, and takes the loop down when
 * the budget is spent. Every worker's life (started, lost, recycled) passes here.
 */
final class Supervisor {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
    private static final int START_ATTEMPTS = 3;

    /** What supervision needs of its loop. */
    interface Loop {
        boolean isRunning();

        /** Stops the dispatcher and waits for it (not from the dispatcher itself). */
        void haltDispatching();
    }

    /** The resources of one run of the loop: how workers connect, where they start, the timer. */
    record Run(WorkerConnector connector, ExecutorService starter, ScheduledExecutorService timer) {
    }

    private final LoopSettings settings;
    private final JsonMapper mapper;
    private final Loop loop;
    private final EventQueue queue;
    private final WorkerPool pool;
    private final CachedObjects objects;
    private final AnswerPath answers;
    private final IdleTracker idle;
    private final LoopListeners listeners;
    private final RestartPolicy policy;
    private final AtomicInteger workerIds = new AtomicInteger();
    private final AtomicLong restarts = new AtomicLong();
    private volatile @Nullable String downReason;
    private volatile @Nullable Run run;
    private volatile @Nullable SessionListener listener;
    private volatile IntFunction<List<PendingEvent>> setup = id -> List.of();
    /** Held while a new worker gets its setup events and joins the pool, and while setup grows. */
    private final Object setupLock = new Object();

    Supervisor(LoopSettings settings, JsonMapper mapper, Loop loop, EventQueue queue, WorkerPool pool,
            CachedObjects objects, AnswerPath answers, IdleTracker idle, LoopListeners listeners) {
        this.settings = settings;
        this.listeners = listeners;
        this.mapper = mapper;
        this.loop = loop;
        this.queue = queue;
        this.pool = pool;
        this.objects = objects;
        this.answers = answers;
        this.idle = idle;
        this.policy = new RestartPolicy(settings.maxRestarts(), settings.restartWindow(), settings.restartBackoff(),
                settings.maxRestartBackoff(), System::nanoTime);
    }

    /** Makes the first events of every new worker (the worker initializer, saved variables), or none. */
    void useSetup(IntFunction<List<PendingEvent>> setupEvents) {
        this.setup = setupEvents;
    }

    /**
     * Adds a step to every worker's setup: {@code register} adds it for the workers started from now
     * on, and each live worker is sent {@code event} at once, ahead of any event dispatched later.
     * A worker that is starting meanwhile gets it exactly once, either way.
     */
    void addSetupStep(Runnable register, IntFunction<PendingEvent> event) {
        synchronized (setupLock) {
            register.run();
            for (WorkerSession session : pool.sessions()) {
                if (session.isAccepting()) {
                    sendSetup(session, event.apply(session.id()));
                }
            }
        }
    }

    private void sendSetup(WorkerSession session, PendingEvent event) {
        idle.add();
        if (session.send(event)) {
            session.flush();
        } else {
            idle.done();
        }
    }

    /** A new run of the loop: the budget starts afresh. */
    void begin(Run resources, SessionListener sessions) {
        downReason = null;
        policy.reset();
        listener = sessions;
        run = resources;
    }

    /** The run ended: nothing is started any more. */
    void end() {
        run = null;
    }

    @Nullable String downReason() {
        return downReason;
    }

    long restarts() {
        return restarts.get();
    }

    /** Starts one worker, connects it, and adds it to the pool; thrown if it does not come up. */
    void addWorker() {
        Run current = run;
        SessionListener sessions = listener;
        if (current == null || sessions == null) {
            return;
        }
        WorkerLink link = current.connector().connect(workerIds.incrementAndGet());
        WorkerSession session = new WorkerSession(link, sessions, mapper, current.connector().flowWindow(),
                settings.recycleAfterEvents());
        session.startReading("mp-event-loop-" + settings.name() + "-worker-" + link.id() + "-reader");
        if (!loop.isRunning()) {
            session.sendShutdown();
            return;
        }
        synchronized (setupLock) {
            for (PendingEvent first : setup.apply(link.id())) {
                sendSetup(session, first);
            }
            pool.add(session);
        }
        listeners.workerStarted(session.info());
    }

    /**
     * A worker's channel ended. Events that cannot have started go back to the head of the queue at
     * no cost; the others are retried when they asked for it, or fail with the worker's report. Its
     * unfinished setup steps end with it: they are for that worker, and a replacement runs the
     * whole setup afresh.
     */
    void sessionEnded(WorkerSession session, boolean saidBye, @Nullable Throwable cause) {
        boolean retiring = session.state() == WorkerInfo.State.RETIRING;
        List<PendingEvent> unanswered = new ArrayList<>(session.end());
        unanswered.removeIf(event -> event.ended.get());
        for (PendingEvent event : unanswered) {
            if (event.workerSetup) {
                answers.cancelled(event, session.id());
            }
        }
        unanswered.removeIf(event -> event.workerSetup);
        pool.remove(session);
        String condemned = session.condemnedBecause();
        if (session.objectCount() > 0) {
            objects.loseAllOn(session, "worker " + session.id() + " (pid " + session.pid() + "), which held it, "
                    + (saidBye ? "exited" : "was lost" + (cause == null ? "" : " (" + cause + ")")));
        }
        List<PendingEvent> started = LossClassifier.possiblyStarted(unanswered, saidBye,
                session.isDying() || condemned != null, session.endingSequence());
        List<PendingEvent> waiting = new ArrayList<>(unanswered);
        waiting.removeAll(started);
        requeue(waiting, false);
        if (saidBye) {
            session.link().awaitExit(Duration.ofSeconds(5));
            return;
        }
        ExitReport report = session.link().awaitExit(Duration.ofSeconds(2));
        String unresponsive = session.heartbeat().unresponsiveBecause();
        String why = condemned != null ? condemned : unresponsive != null ? unresponsive
                : cause == null ? "its channel closed" : cause.toString();
        String message = "worker " + session.id() + " (pid " + session.pid() + ") was lost (" + why + "): "
                + report.format() + crashFile(session.pid());
        boolean running = loop.isRunning();
        if (running || !started.isEmpty()) {
            LOG.error("Loop {}: {}; {} event(s) in flight", settings.name(), message, started.size());
        }
        if (condemned != null || unresponsive != null) {
            listeners.workerHung(session.info(), why);
        } else {
            listeners.workerLost(session.info(), message);
        }
        List<PendingEvent> retried = new ArrayList<>();
        for (PendingEvent event : started) {
            if (running && downReason == null && LossClassifier.retryable(event)) {
                retried.add(event);
            } else {
                answers.fail(event, new WorkerLostException("event " + event.id + " did not complete after "
                        + event.attempts + " attempt(s): " + message, session.id(), report.exitCode(), cause),
                        session.id(), 0);
            }
        }
        requeue(retried, true);
        if (running && !retiring) {
            restartAfterLoss(message);
        }
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
        if (!events.isEmpty() && !loop.isRunning()) {
            answers.handBack(queue.removeAll(), "loop " + settings.name() + " stopped before this event could run again");
        }
    }

    /** Counts a restart against the budget, then replaces the worker after a back-off, or takes the loop down. */
    private void restartAfterLoss(String lastLoss) {
        RestartPolicy.Decision decision = policy.onLoss();
        if (!decision.restart()) {
            goDown(settings.maxRestarts() + " workers were replaced within " + settings.restartWindow()
                    + " and another was lost; last: " + lastLoss);
            return;
        }
        Run current = run;
        if (current == null) {
            return;
        }
        try {
            current.timer().schedule(this::startReplacement, decision.backoff().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("loop {} stopped before a replacement was scheduled", settings.name());
        }
    }

    private void startReplacement() {
        Run current = run;
        if (current == null || !loop.isRunning()) {
            return;
        }
        try {
            current.starter().execute(() -> {
                for (int attempt = 1; attempt <= START_ATTEMPTS && loop.isRunning(); attempt++) {
                    try {
                        addWorker();
                        restarts.incrementAndGet();
                        return;
                    } catch (RuntimeException e) {
                        if (!loop.isRunning()) {
                            return;
                        }
                        LOG.error("Loop {}: replacement worker failed to start (attempt {} of {})", settings.name(),
                                attempt, START_ATTEMPTS, e);
                    }
                }
                if (loop.isRunning() && pool.isEmpty()) {
                    goDown("no worker could be started after " + START_ATTEMPTS + " attempts");
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("loop {} stopped before a replacement started", settings.name());
        }
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
        loop.haltDispatching();
        answers.handBack(queue.removeAll(), "loop " + settings.name() + " is down: " + reason,
                EventRejectedException::new);
    }

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
        if (!loop.isRunning() || !session.retire()) {
            return;
        }
        LOG.info("Loop {}: recycling worker {} because {}", settings.name(), session.id(), because);
        listeners.workerRecycled(session.info(), because);
        startReplacement();
    }
}
