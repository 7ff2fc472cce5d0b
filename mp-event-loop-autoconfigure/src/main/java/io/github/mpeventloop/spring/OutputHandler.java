package io.github.mpeventloop.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Marks a method of a bean as an output handler of the application's
 * {@link io.github.mpeventloop.EventLoop}: the method is called, in the main process, with the
 * results of the events the loop ran in its workers, as {@code @KafkaListener} marks a method that
 * is called with the records of a topic.
 *
 * <h2>Signatures</h2>
 * The method takes exactly one parameter (any other count fails start-up), whose type also says
 * which results it wants:
 * <ul>
 * <li>{@code EventResult<?>} (or raw {@code EventResult}, or {@code EventResult<Object>}): every
 * result, <em>failures included</em>: a value, a remote error
 * ({@link io.github.mpeventloop.RemoteEventException}), a timeout, a lost worker
 * ({@link io.github.mpeventloop.WorkerLostException}), each item and end of a stream;</li>
 * <li>{@code EventResult<T>}, for a type {@code T} other than {@code Object}: the successful
 * results whose value is a {@code T}. A failed event has no value, so such a method <em>never
 * sees a failure</em>: an {@code EventResult<Long>} handler is not called when a
 * {@code Long}-returning target throws. Declare an {@code EventResult<?>} handler to see those;</li>
 * <li>{@code T}: the value of the successful results whose value is a {@code T} (a primitive
 * {@code int} matches {@code Integer} values). Results without a value, such as those of
 * {@code void} targets, are not delivered to it.</li>
 * </ul>
 * The method may have any visibility. Its return value is ignored, except for a {@code boolean}
 * (or {@code Boolean}) one: {@code true} stops the propagation of this result, so that the
 * handlers after this one do not see it, as the core's
 * {@link io.github.mpeventloop.ResultHandler#handle ResultHandler} contract says. A method that is
 * not called for a result (wrong type, other key) never stops its propagation.
 *
 * <h2>Keys</h2>
 * {@link #key()} (or its alias {@link #value()}) narrows the results to events submitted with one
 * of the given keys, compared with the string form of each event's key, so that
 * {@code @OutputHandler({"a", "7"})} matches an event keyed {@code "a"} and one keyed {@code 7}.
 * Without keys, the method gets results of any key, or of none.
 *
 * <h2>Order and threads</h2>
 * All output handlers of the loop, these methods and beans implementing
 * {@code ResultHandler} alike, form one chain that every result goes through in
 * {@link org.springframework.core.annotation.Order @Order} order: the method's own
 * {@code @Order} if it has one, else its bean's ({@code @Order} on its class or its {@code @Bean}
 * method, or {@link org.springframework.core.Ordered}); ties keep the order in which the beans were
 * defined. They are registered when all singletons exist, before the loop starts; a bean created
 * later is added at the end. They run one result at a time, in the order the events were
 * submitted, on the loop's consumer thread (or on the executor given to
 * {@link io.github.mpeventloop.EventLoop.Builder#handlerExecutor handlerExecutor}, through an
 * {@link io.github.mpeventloop.autoconfigure.EventLoopCustomizer}). A method that throws is logged
 * with the event's id and key; the next handlers and results go on.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * import io.github.mpeventloop.EventResult;
 * import io.github.mpeventloop.spring.OutputHandler;
 *
 * @Component
 * class Reports {
 *
 *     @OutputHandler(key = "primes")
 *     @Order(1)
 *     void log(PrimeReport report) { ... }            // values of type PrimeReport, key "primes"
 *
 *     @OutputHandler
 *     @Order(2)
 *     boolean failures(EventResult<?> result) {       // every result, failures included
 *         if (result.isSuccess()) {
 *             return false;
 *         }
 *         log.warn("event {} failed", result.eventKey(), result.error());
 *         return true;                                // later handlers do not see it
 *     }
 * }
 * }</pre>
 *
 * @see io.github.mpeventloop.ResultHandler
 * @see OutputHandlerRegistrar
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OutputHandler {

    /**
     * Alias for {@link #key()}: {@code @OutputHandler("primes")} is
     * {@code @OutputHandler(key = "primes")}.
     *
     * @return the keys of the events whose results this method wants
     */
    @AliasFor("key")
    String[] value() default {};

    /**
     * Keys of the events whose results this method wants, compared with the string form of each
     * event's key; empty for results of any key, or of none.
     *
     * @return the keys of the events whose results this method wants
     */
    @AliasFor("value")
    String[] key() default {};
}
