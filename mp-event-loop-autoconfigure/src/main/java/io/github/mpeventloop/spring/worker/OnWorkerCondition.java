package io.github.mpeventloop.spring.worker;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.github.mpeventloop.worker.WorkerContext;

/**
 * The condition behind {@link ConditionalOnWorker} and {@link ConditionalOnNotWorker}: whether this
 * JVM is a worker, which carries the system property {@value WorkerContext#WORKER_ID_PROPERTY}.
 */
final class OnWorkerCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean wanted = metadata.isAnnotated(ConditionalOnWorker.class.getName());
        boolean worker = WorkerContext.isWorkerProcess();
        String where = worker ? "running in an mp-event-loop worker JVM" : "not running in an mp-event-loop worker JVM";
        return wanted == worker ? ConditionOutcome.match(where) : ConditionOutcome.noMatch(where);
    }
}
