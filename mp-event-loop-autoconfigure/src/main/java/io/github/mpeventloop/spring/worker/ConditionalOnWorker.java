package io.github.mpeventloop.spring.worker;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Keeps a bean or configuration only in the Spring context of a worker JVM (see
 * {@link SpringWorkerBootstrap}), for what workers need and the application does not.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnWorkerCondition.class)
public @interface ConditionalOnWorker {
}
