package io.github.mpeventloop.sample;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.github.mpeventloop.EventResult;
import io.github.mpeventloop.spring.OutputHandler;

/** Output handlers: they run in this JVM, on the loop's consumer thread, for every result. */
@Component
class PrimeResultLogger {

    private static final Logger LOG = LoggerFactory.getLogger(PrimeResultLogger.class);

    @OutputHandler(key = "primes")
    void log(PrimeReport report) {
        LOG.info("Worker pid {} counted {} primes up to {} (largest {}) in {} ms", report.workerPid(), report.count(),
                report.limit(), report.largest(), report.millis());
    }

    @OutputHandler
    void logFailure(EventResult<?> result) {
        if (!result.isSuccess()) {
            LOG.warn("Event {} (key {}) failed: {}", result.eventId(), result.eventKey(), String.valueOf(result.error()));
        }
    }
}
