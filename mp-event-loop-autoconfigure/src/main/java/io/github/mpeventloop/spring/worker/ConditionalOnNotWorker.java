package io.github.mpeventloop.spring.worker;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Keeps a bean or configuration out of the Spring context of a worker JVM (see
 * {@link SpringWorkerBootstrap}): for what must run only in the application, such as a scheduler,
 * a message listener or a {@code CommandLineRunner}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnWorkerCondition.class)
public @interface ConditionalOnNotWorker {
}
