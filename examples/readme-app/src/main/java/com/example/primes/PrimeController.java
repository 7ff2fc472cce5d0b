package com.example.primes;

import java.util.concurrent.CompletableFuture;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PrimeController {

    private final PrimeCounter counter;

    public PrimeController(PrimeCounter counter) {
        this.counter = counter;
    }

    @GetMapping("/primes/{limit}")
    public CompletableFuture<Long> primesBelow(@PathVariable int limit) {
        return this.counter.countBelow(limit);
    }
}
