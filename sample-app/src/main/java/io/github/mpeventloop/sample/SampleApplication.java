package io.github.mpeventloop.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A web application whose CPU-heavy work runs in worker JVMs of the auto-configured event loop:
 * <ul>
 * <li>{@code /} is the fractal explorer: a Mandelbrot view rendered tile by tile in the workers,
 * streamed to the page, with a status panel of the workers and a button that crashes one;</li>
 * <li>{@code GET /primes?limit=N} counts the primes up to N in a worker and answers with the report;</li>
 * <li>{@code /actuator/health} and {@code /actuator/metrics} show the loop and its workers.</li>
 * </ul>
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
