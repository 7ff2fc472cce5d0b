package com.example.primes;

import java.util.concurrent.CompletableFuture;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventLoop;

@Service
public class PrimeCounter {

    private final ObjectProvider<EventLoop> eventLoop;

    public PrimeCounter(ObjectProvider<EventLoop> eventLoop) {
        this.eventLoop = eventLoop;
    }

    /** Counts the primes below the limit in a worker JVM; here when mp.event-loop.enabled=false. */
    public CompletableFuture<Long> countBelow(int limit) {
        EventLoop loop = this.eventLoop.getIfAvailable();
        if (loop == null) {
            return CompletableFuture.supplyAsync(() -> Primes.countBelow(limit));
        }
        return loop.addEvent(Event.of(Primes::countBelow, limit).key("primes"));
    }
}
