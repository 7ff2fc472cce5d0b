package io.github.mpeventloop.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.github.mpeventloop.worker.WorkerContext;

/**
 * Matches in the application's own JVM and not in a worker JVM, which carries the system property
 * {@value WorkerContext#WORKER_ID_PROPERTY}: a worker must never start an event loop.
 */
final class OnParentProcessCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        if (WorkerContext.isWorkerProcess()) {
            return ConditionOutcome.noMatch("running inside an mp-event-loop worker JVM (system property "
                    + WorkerContext.WORKER_ID_PROPERTY + " is set)");
        }
        return ConditionOutcome.match("not running inside an mp-event-loop worker JVM");
    }
}
