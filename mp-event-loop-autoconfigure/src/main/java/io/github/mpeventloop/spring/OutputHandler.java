package io.github.mpeventloop.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Marks a method of a bean as an output handler of the application's
 * {@link io.github.mpeventloop.EventLoop}, as {@code @EventListener} marks an application event
 * listener. The method takes one parameter, which also says which results it wants:
 * <ul>
 * <li>{@code EventResult<?>} (or raw {@code EventResult}, {@code EventResult<Object>}): every
 * result, failures included;</li>
 * <li>{@code EventResult<T>}: the successful results whose value is a {@code T};</li>
 * <li>{@code T}: the value of the successful results whose value is a {@code T}.</li>
 * </ul>
 * {@link #key()} narrows that to events submitted with one of the given keys. A method returning
 * {@code boolean} stops the propagation of the result to the handlers after it by returning
 * {@code true} (the core's {@link io.github.mpeventloop.ResultHandler} contract); any other return
 * value is ignored.
 *
 * <p>Handlers, these methods and beans implementing {@code ResultHandler} alike, are registered in
 * {@link org.springframework.core.annotation.Order @Order} order: a method's own {@code @Order},
 * else its bean's. They run on the loop's consumer thread, one result at a time.
 *
 * <pre>{@code
 * @Component
 * class Reports {
 *     @OutputHandler(key = "primes")
 *     void log(PrimeReport report) { ... }
 * }
 * }</pre>
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OutputHandler {

    /** Alias for {@link #key()}. */
    @AliasFor("key")
    String[] value() default {};

    /**
     * Keys of the events whose results this method wants, compared with the string form of each
     * event's key; empty for results of any key, or of none.
     */
    @AliasFor("value")
    String[] key() default {};

    /**
     * The event loop whose results this method handles, when the application has several: the
     * bean name of an {@link io.github.mpeventloop.EventLoop} bean or a loop's
     * {@linkplain io.github.mpeventloop.EventLoop#name() name}. Empty (the default) binds to the
     * only loop, or to the {@code @Primary} one.
     */
    String loop() default "";
}
