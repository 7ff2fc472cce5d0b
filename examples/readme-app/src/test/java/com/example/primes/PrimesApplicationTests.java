package com.example.primes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.mpeventloop.EventResult;
import io.github.mpeventloop.RemoteEventException;
import io.github.mpeventloop.test.AutoConfigureRecordedResults;
import io.github.mpeventloop.test.RecordedResults;

@SpringBootTest(properties = "mp.event-loop.workers=1")  // real worker JVMs, as in production
@AutoConfigureRecordedResults                           // a RecordedResults bean sees every result first
class PrimesApplicationTests {

    @Autowired
    PrimeCounter counter;

    @Autowired
    PrimeResults primeResults;

    @Autowired
    RecordedResults results;

    @BeforeEach
    void forgetResultsOfOtherTests() {
        results.clear();                                // the context, and its recorder, are shared
    }

    @Test
    void countsPrimesInAWorkerJvm() throws Exception {
        assertThat(counter.countBelow(100).get(30, TimeUnit.SECONDS)).isEqualTo(25L);   // the future

        EventResult<?> result = results.awaitKey("primes");                           // what handlers got
        assertThat(result.value()).isEqualTo(25L);
        assertThat(result.workerId()).isPositive();
    }

    @Test
    void aFailureFailsTheFutureAndReachesTheHandlers() {
        assertThat(counter.countBelow(-1)).failsWithin(Duration.ofSeconds(30))
            .withThrowableThat().withCauseInstanceOf(RemoteEventException.class)
            .withMessageContaining("limit must not be negative");

        assertThat(results.awaitCount(1)).singleElement().satisfies(result -> assertThat(result.isSuccess()).isFalse());
        await().atMost(Duration.ofSeconds(30)).until(() -> primeResults.failures() == 1);
    }
}
