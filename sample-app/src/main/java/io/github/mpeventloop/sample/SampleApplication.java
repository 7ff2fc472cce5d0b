package io.github.mpeventloop.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A web service whose CPU-heavy work runs in worker JVMs of the auto-configured event loop:
 * {@code GET /primes?limit=N} counts the primes up to N in a worker and answers with the report;
 * {@code /actuator/health} shows the loop and its workers.
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
