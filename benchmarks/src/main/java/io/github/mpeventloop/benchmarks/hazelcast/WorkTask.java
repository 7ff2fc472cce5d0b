package io.github.mpeventloop.benchmarks.hazelcast;

import java.io.Serializable;
import java.util.concurrent.Callable;

import io.github.mpeventloop.benchmarks.Work;

/**
 * The direct peer's task, as a user of Hazelcast's {@code IExecutorService} writes one: a
 * serializable {@link Callable} on the members' class path, either {@link Work#plusOne} or
 * {@link Work#spin}.
 */
public record WorkTask(boolean spin, long argument) implements Callable<Long>, Serializable {

    @Override
    public Long call() {
        return spin ? Work.spin(argument) : Work.plusOne((int) argument);
    }
}
