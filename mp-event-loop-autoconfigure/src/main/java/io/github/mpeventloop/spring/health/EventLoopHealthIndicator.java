package io.github.mpeventloop.spring.health;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.util.Assert;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.WorkerInfo;

/**
 * Health of an {@link EventLoop}: {@code UP} while it runs with live workers; {@code DOWN} when it
 * is down (its restart budget is spent; the reason is shown as {@code error}) or runs with no live
 * worker; {@code UNKNOWN} when it is not running (not started yet, or stopped). The details are read from the loop's in-process snapshot,
 * so a health check costs no round trip to the workers: the loop's name, state, queue depth, events
 * in flight, the number of live workers and, per worker id, its pid, state, uptime (ISO-8601),
 * events done and events in flight. Command lines and JVM options are never shown.
 */
public class EventLoopHealthIndicator extends AbstractHealthIndicator {

    private final EventLoop loop;

    /**
     * Creates the indicator of {@code loop}.
     *
     * @param loop the loop to report on
     */
    public EventLoopHealthIndicator(EventLoop loop) {
        super("Event loop health check failed");
        Assert.notNull(loop, "'loop' must not be null");
        this.loop = loop;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean running = this.loop.isRunning();
        List<WorkerInfo> workers = this.loop.workers();
        long live = workers.stream().filter(worker -> isServing(worker)).count();
        String downReason = this.loop.downReason();
        if (downReason != null) {
            builder.down().withDetail("error", downReason);
        } else if (!running) {
            builder.unknown();
        } else if (live == 0) {
            builder.down();
        } else {
            builder.up();
        }
        builder.withDetail("name", this.loop.name())
            .withDetail("state", running ? "RUNNING" : "NOT_RUNNING")
            .withDetail("queueDepth", this.loop.queueDepth())
            .withDetail("inFlight", this.loop.inFlight())
            .withDetail("liveWorkers", live)
            .withDetail("restarts", this.loop.restarts())
            .withDetail("workers", details(workers));
    }

    /** Whether a worker takes or finishes events: ready, or retiring after its last events. */
    static boolean isServing(WorkerInfo worker) {
        return worker.state() == WorkerInfo.State.READY || worker.state() == WorkerInfo.State.RETIRING;
    }

    private static Map<String, Map<String, Object>> details(List<WorkerInfo> workers) {
        Instant now = Instant.now();
        Map<String, Map<String, Object>> details = new LinkedHashMap<>();
        for (WorkerInfo worker : workers) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("pid", worker.pid());
            detail.put("state", worker.state().name());
            detail.put("uptime", Duration.between(worker.startedAt(), now).withNanos(0).toString());
            detail.put("eventsDone", worker.eventsDone());
            detail.put("inFlight", worker.inFlight());
            details.put(String.valueOf(worker.id()), detail);
        }
        return details;
    }
}
