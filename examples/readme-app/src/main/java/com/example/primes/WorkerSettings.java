package com.example.primes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.mpeventloop.Target;
import io.github.mpeventloop.autoconfigure.EventLoopCustomizer;

@Configuration(proxyBeanMethods = false)
public class WorkerSettings {

    /** What no property sets: here a target registered by name, for loop.addEvent("count-primes", 100). */
    @Bean
    EventLoopCustomizer namedTargets() {
        return builder -> builder.register("count-primes", (Target.Call1<Integer, Long>) Primes::countBelow);
    }
}
