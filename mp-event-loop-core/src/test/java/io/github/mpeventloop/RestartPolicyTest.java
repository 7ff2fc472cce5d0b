package io.github.mpeventloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The restart budget and back-off, over a clock the test moves. */
class RestartPolicyTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RestartPolicy policy = new RestartPolicy(3, Duration.ofSeconds(30), Duration.ofMillis(100),
            Duration.ofMillis(250), now::get);

    private void advance(Duration time) {
        now.addAndGet(time.toNanos());
    }

    @Test
    void theFirstLossAfterAQuietWindowIsReplacedAtOnceAndFurtherOnesBackOffUpToTheMaximum() {
        assertThat(policy.onLoss()).isEqualTo(new RestartPolicy.Decision(true, Duration.ZERO, 0));
        assertThat(policy.onLoss().backoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.onLoss().backoff()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void oneLossMoreThanTheBudgetWithinTheWindowGivesUp() {
        policy.onLoss();
        policy.onLoss();
        policy.onLoss();
        RestartPolicy.Decision decision = policy.onLoss();
        assertThat(decision.restart()).isFalse();
        assertThat(decision.recentRestarts()).isEqualTo(3);
    }

    @Test
    void restartsOlderThanTheWindowNoLongerCount() {
        policy.onLoss();
        policy.onLoss();
        policy.onLoss();
        advance(Duration.ofSeconds(31));
        assertThat(policy.onLoss()).isEqualTo(new RestartPolicy.Decision(true, Duration.ZERO, 0));
    }

    @Test
    void theBackOffIsCappedAtItsMaximum() {
        RestartPolicy generous = new RestartPolicy(10, Duration.ofMinutes(1), Duration.ofMillis(100),
                Duration.ofMillis(250), now::get);
        Duration last = Duration.ZERO;
        for (int i = 0; i < 6; i++) {
            last = generous.onLoss().backoff();
        }
        assertThat(last).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aResetForgetsThePast() {
        policy.onLoss();
        policy.onLoss();
        policy.onLoss();
        policy.reset();
        assertThat(policy.onLoss().restart()).isTrue();
    }
}
