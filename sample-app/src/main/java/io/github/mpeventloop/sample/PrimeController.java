package io.github.mpeventloop.sample;

import java.util.concurrent.CompletableFuture;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventLoop;

/** Counts primes in a worker; the request thread is released while the worker computes. */
@RestController
class PrimeController {

    private final EventLoop eventLoop;

    PrimeController(EventLoop eventLoop) {
        this.eventLoop = eventLoop;
    }

    @GetMapping("/primes")
    CompletableFuture<PrimeReport> primes(@RequestParam(defaultValue = "1000000") int limit) {
        return this.eventLoop.addEvent(Event.of(Primes::count, limit).key("primes"));
    }
}
