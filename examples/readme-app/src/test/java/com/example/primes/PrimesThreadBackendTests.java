package com.example.primes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.mpeventloop.EventLoop;

@SpringBootTest(properties = "mp.event-loop.backend=thread")  // workers are threads of the test JVM
class PrimesThreadBackendTests {

    @Autowired
    EventLoop loop;

    @Test
    void theNamedTargetCountsPrimes() throws Exception {
        assertThat(loop.addEvent("count-primes", 1000).get(10, TimeUnit.SECONDS)).isEqualTo(168L);
    }
}
