package io.github.mpeventloop.sample.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.WorkerInfo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;

/**
 * Reads the loop's state for the status panel: its workers from {@link EventLoop#workers()}, the
 * rest from the {@code mp.event.loop.*} meters the starter registers, tagged with the loop's name.
 */
@Component
class LoopStatusReader {

    private static final String PREFIX = "mp.event.loop.";

    private final EventLoop loop;
    private final MeterRegistry registry;
    private final WorkerWatch watch;
    private final Throughput throughput = new Throughput(Duration.ofSeconds(5).toNanos());

    LoopStatusReader(EventLoop loop, MeterRegistry registry, WorkerWatch watch) {
        this.loop = loop;
        this.registry = registry;
        this.watch = watch;
    }

    LoopStatus read() {
        Instant now = Instant.now();
        List<WorkerInfo> live = this.loop.workers();
        if (this.loop.isRunning()) {
            this.watch.update(live, now);
        }
        List<LoopStatus.Worker> workers = live.stream().map(worker -> worker(worker, now)).toList();
        Map<String, Double> completed = new TreeMap<>();
        for (Counter counter : search("completed").counters()) {
            completed.merge(String.valueOf(counter.getId().getTag("outcome")), counter.count(), Double::sum);
        }
        double total = completed.values().stream().mapToDouble(Double::doubleValue).sum();
        return new LoopStatus(this.loop.name(), this.loop.isDown() ? "DOWN" : "UP", this.loop.downReason(), workers,
                gauge("queued"), gauge("active"), gauge("workers.live"),
                search("worker.restarts").functionCounters().stream().mapToDouble(c -> c.count()).sum(), completed,
                this.throughput.record(System.nanoTime(), total), this.watch.losses());
    }

    private static LoopStatus.Worker worker(WorkerInfo worker, Instant now) {
        return new LoopStatus.Worker(worker.id(), worker.pid(), worker.state().name(),
                Duration.between(worker.startedAt(), now).toSeconds(), worker.eventsDone(), worker.inFlight());
    }

    private @Nullable Double gauge(String name) {
        Gauge gauge = search(name).gauge();
        return gauge != null ? gauge.value() : null;
    }

    private Search search(String name) {
        return this.registry.find(PREFIX + name).tag("name", this.loop.name());
    }
}
