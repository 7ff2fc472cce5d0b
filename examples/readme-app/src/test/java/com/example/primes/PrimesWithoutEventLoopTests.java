package com.example.primes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.mpeventloop.EventLoop;

@SpringBootTest(properties = "mp.event-loop.enabled=false")  // no event loop, no workers
class PrimesWithoutEventLoopTests {

    @Autowired
    ObjectProvider<EventLoop> eventLoop;

    @Autowired
    PrimeCounter counter;

    @Test
    void countsInThisJvmWhenTheEventLoopIsDisabled() throws Exception {
        assertThat(eventLoop.getIfAvailable()).isNull();
        assertThat(counter.countBelow(100).get(10, TimeUnit.SECONDS)).isEqualTo(25L);
    }
}
