package io.github.mpeventloop.sample.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.Backend;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.WorkerInfo;
import io.github.mpeventloop.WorkerInfo.State;

/** The rule of the watch, on snapshots of {@link EventLoop#workers()}: lost until a replacement is up. */
class WorkerWatchTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final WorkerWatch watch = new WorkerWatch(EventLoop.builder().backend(Backend.THREAD).build());

    @Test
    void aWorkerNoLongerListedIsLostUntilANewWorkerIsReady() {
        this.watch.crashArmed(101, "halted by the crash button");
        this.watch.update(List.of(worker(1, 101, State.READY), worker(2, 102, State.READY)), START);
        assertThat(this.watch.losses()).isEmpty();

        this.watch.update(List.of(worker(2, 102, State.READY)), START.plusSeconds(1));
        assertThat(this.watch.losses()).singleElement().satisfies(loss -> {
            assertThat(loss.id()).isEqualTo(1);
            assertThat(loss.pid()).isEqualTo(101);
            assertThat(loss.eventsDone()).isEqualTo(7);
            assertThat(loss.report()).isEqualTo("halted by the crash button");
            assertThat(loss.replacedBy()).isNull();
        });

        this.watch.update(List.of(worker(2, 102, State.READY), worker(3, 103, State.STOPPING)), START.plusSeconds(2));
        assertThat(this.watch.losses()).singleElement().extracting(LostWorker::replacedBy)
            .as("a new worker that is not ready is no replacement yet").isNull();

        this.watch.update(List.of(worker(2, 102, State.READY), worker(3, 103, State.READY)), START.plusSeconds(3));
        assertThat(this.watch.losses()).singleElement().extracting(LostWorker::replacedBy).isEqualTo(3);
    }

    @Test
    void twoLossesAreReplacedOldestFirstAndAWorkerLostWithoutAReportSaysSo() {
        this.watch.update(List.of(worker(1, 201, State.READY), worker(2, 202, State.READY)), START);
        this.watch.update(List.of(worker(2, 202, State.READY)), START.plusSeconds(1));
        this.watch.update(List.of(), START.plusSeconds(2));
        this.watch.update(List.of(worker(3, 203, State.READY)), START.plusSeconds(3));

        assertThat(this.watch.losses()).extracting(LostWorker::id, LostWorker::replacedBy)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(2, null), org.assertj.core.groups.Tuple.tuple(1, 3));
        assertThat(this.watch.losses().get(0).report()).contains("no event failed with it");
    }

    private static WorkerInfo worker(int id, long pid, State state) {
        return new WorkerInfo(id, pid, state, START, 7, 0);
    }
}
