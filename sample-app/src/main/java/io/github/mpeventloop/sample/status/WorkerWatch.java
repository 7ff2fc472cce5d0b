package io.github.mpeventloop.sample.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventResult;
import io.github.mpeventloop.WorkerInfo;
import io.github.mpeventloop.WorkerLostException;
import io.github.mpeventloop.spring.OutputHandler;

/**
 * Notices the workers that die, so that the status panel shows them as lost, with how they ended,
 * until their replacement is up, instead of letting them vanish.
 *
 * <p>The loop's public API has no worker-lifecycle callback, so this is built from what it does
 * offer: {@link EventLoop#workers()}, polled every {@value #POLL_MILLIS} ms and at each status
 * read (a worker that was listed and no longer is, while the loop runs, was lost; a worker listed
 * for the first time after a loss is its replacement); the {@link WorkerLostException} of any
 * event that failed with its worker, whose message is the loop's exit report of that worker (exit
 * code or signal, last lines of output); and what the crash button knows of the worker it halted.
 * When a lost worker's events were all retried elsewhere, no exception carries its exit report,
 * and the report says so.
 */
@Component
public class WorkerWatch {

    static final long POLL_MILLIS = 200;
    static final int LOSSES_KEPT = 5;

    private final EventLoop loop;
    private final Map<Integer, String> exitReports = new ConcurrentHashMap<>();
    private final Map<Long, String> crashesArmed = new ConcurrentHashMap<>();
    private Map<Integer, WorkerInfo> lastSeen = Map.of();
    private boolean seenAny;
    private final List<LostWorker> losses = new ArrayList<>();

    WorkerWatch(EventLoop loop) {
        this.loop = loop;
    }

    /** Takes the loop's exit report of a worker from an event that failed with it; sees results first. */
    @OutputHandler
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onResult(EventResult<?> result) {
        if (result.error() instanceof WorkerLostException lost) {
            this.exitReports.putIfAbsent(lost.workerId(), lost.getMessage());
            refreshReports();
        }
    }

    /**
     * Records that the worker with {@code pid} is about to halt on purpose, and how.
     *
     * @param pid the worker's pid
     * @param how how it will end
     */
    public void crashArmed(long pid, String how) {
        this.crashesArmed.put(pid, how);
    }

    /**
     * The pid of worker {@code workerId} as last listed by the loop, if it was.
     *
     * @param workerId the loop's id of the worker
     */
    public synchronized OptionalLong pidOf(int workerId) {
        WorkerInfo seen = this.lastSeen.get(workerId);
        return seen != null ? OptionalLong.of(seen.pid()) : OptionalLong.empty();
    }

    @Scheduled(fixedDelay = POLL_MILLIS)
    void poll() {
        if (this.loop.isRunning()) {
            update(this.loop.workers(), Instant.now());
        }
    }

    /**
     * Compares the workers listed now with those listed at the last update: a worker no longer
     * listed was lost, a worker listed for the first time replaces the oldest loss not yet replaced.
     */
    synchronized void update(List<WorkerInfo> workers, Instant now) {
        Map<Integer, WorkerInfo> current = new LinkedHashMap<>();
        workers.forEach(worker -> current.put(worker.id(), worker));
        boolean first = !this.seenAny;
        for (WorkerInfo gone : this.lastSeen.values()) {
            if (!current.containsKey(gone.id())) {
                this.losses.add(0, new LostWorker(gone.id(), gone.pid(), gone.eventsDone(), now, report(gone), null));
            }
        }
        if (!first) {
            for (WorkerInfo worker : current.values()) {
                if (!this.lastSeen.containsKey(worker.id()) && worker.state() == WorkerInfo.State.READY) {
                    replaceOldestLoss(worker.id());
                }
            }
        }
        // A new worker not yet READY is not remembered, so that it counts as a replacement once it is.
        current.values().removeIf(worker -> !this.lastSeen.containsKey(worker.id()) && !first
                && worker.state() != WorkerInfo.State.READY);
        this.lastSeen = Map.copyOf(current);
        this.seenAny |= !current.isEmpty();
        while (this.losses.size() > LOSSES_KEPT) {
            this.losses.remove(this.losses.size() - 1);
        }
    }

    private void replaceOldestLoss(int replacement) {
        for (int i = this.losses.size() - 1; i >= 0; i--) {
            if (this.losses.get(i).replacedBy() == null) {
                this.losses.set(i, this.losses.get(i).replacedBy(replacement));
                return;
            }
        }
    }

    /** The recent losses, the latest first; those with no replacement yet are still lost. */
    synchronized List<LostWorker> losses() {
        return List.copyOf(this.losses);
    }

    private synchronized void refreshReports() {
        this.losses.replaceAll(loss -> {
            String report = this.exitReports.get(loss.id());
            return (report != null && !report.equals(loss.report())) ? loss.withReport(report) : loss;
        });
    }

    private String report(WorkerInfo gone) {
        String fromLoop = this.exitReports.get(gone.id());
        if (fromLoop != null) {
            return fromLoop;
        }
        String crash = this.crashesArmed.get(gone.pid());
        if (crash != null) {
            return crash;
        }
        return "its process " + (ProcessHandle.of(gone.pid()).isPresent() ? "is still ending" : "has ended")
                + "; no event failed with it, so the loop reported no exit code (its events were retried)";
    }
}
