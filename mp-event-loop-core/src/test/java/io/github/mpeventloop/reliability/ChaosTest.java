package io.github.mpeventloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.WorkerInfo;
import io.github.mpeventloop.WorkerLostException;
import io.github.mpeventloop.fixtures.Hazards;
import io.github.mpeventloop.internal.process.ProcessStatus;

/**
 * 10,000 events over two worker processes while workers are killed with SIGKILL five times at
 * moments drawn from a fixed seed: every event ends exactly once, as a result or as a failure that
 * names the lost worker; with {@code retries(1)}, every event ends as a result.
 */
class ChaosTest {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosTest.class);
    private static final int EVENTS = 10_000;
    private static final int KILLS = 5;
    private static final long SEED = 0x5EED_2026L;

    @ParameterizedTest(name = "retries = {0}")
    @ValueSource(ints = {0, 1})
    void everyEventEndsExactlyOnceWhileWorkersAreKilled(int retries) {
        Random random = new Random(SEED + retries);
        List<Integer> killPoints = IntStream.range(0, KILLS).map(i -> (i + 1) * EVENTS / (KILLS + 2)
                + random.nextInt(EVENTS / (KILLS * 4))).boxed().toList();
        LOG.info("chaos seed {}, kill points {}", SEED + retries, killPoints);
        Ledger ledger = new Ledger();
        try (EventLoop loop = EventLoop.builder().name("chaos-" + retries).workers(2)
                .restartBudget(KILLS * 2, Duration.ofMinutes(5)).restartBackoff(Duration.ZERO, Duration.ZERO)
                .outputHandlers(ledger.handler()).build().start()) {
            for (int i = 0; i < EVENTS; i++) {
                ledger.track(loop.addEvent(Event.of(Hazards::spin, i, 300).retries(retries)));
            }
            for (int point : killPoints) {
                await().atMost(Duration.ofMinutes(1)).until(() -> ledger.ended() >= point);
                List<WorkerInfo> workers = loop.workers();
                WorkerInfo victim = workers.get(random.nextInt(workers.size()));
                ProcessHandle.of(victim.pid()).ifPresent(ProcessHandle::destroyForcibly);
                await().atMost(Duration.ofSeconds(30)).until(() -> ProcessStatus.isDead(victim.pid()));
                await().atMost(Duration.ofSeconds(30)).until(() -> loop.workers().size() == 2
                        && loop.workers().stream().noneMatch(worker -> worker.pid() == victim.pid()));
            }
            loop.awaitIdle();
            assertThat(loop.isDown()).isFalse();
            assertThat(loop.workers()).hasSize(2);
        }

        ledger.assertEachEndedExactlyOnce(EVENTS);
        if (retries == 0) {
            assertThat(ledger.failures()).isNotEmpty().allSatisfy((id, error) -> assertThat(error)
                    .isInstanceOf(WorkerLostException.class).hasMessageContaining("was lost")
                    .hasMessageContaining("SIGKILL"));
        } else {
            assertThat(ledger.failures()).isEmpty();
            assertThat(ledger.results()).anySatisfy(result -> assertThat(result.attempts()).isEqualTo(2));
        }
        LOG.info("chaos with retries {}: {} of {} events failed", retries, ledger.failures().size(), EVENTS);
    }
}
