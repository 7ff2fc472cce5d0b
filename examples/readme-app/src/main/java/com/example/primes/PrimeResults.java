package com.example.primes;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.github.mpeventloop.EventResult;
import io.github.mpeventloop.spring.OutputHandler;

@Component
public class PrimeResults {

    private static final Logger log = LoggerFactory.getLogger(PrimeResults.class);

    private final AtomicLong failures = new AtomicLong();

    @OutputHandler                     // every result, failures included
    @Order(1)
    public boolean failed(EventResult<?> result) {
        if (result.isSuccess()) {
            return false;              // let the handlers after this one see it
        }
        failures.incrementAndGet();
        log.warn("Event {} failed: {}", result.eventKey(), result.error().getMessage());
        return true;                   // stop: no later handler sees this result
    }

    @OutputHandler("primes")           // events keyed "primes" whose value is a Long; never failures
    @Order(2)
    public void counted(EventResult<Long> result) {
        log.info("{} primes, counted by worker {} in {} ms", result.value(), result.workerId(),
                result.executionTime().toMillis());
    }

    public long failures() {
        return failures.get();
    }
}
