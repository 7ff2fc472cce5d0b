package io.github.mpeventloop.spring.worker;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a bean method in a worker JVM, as {@code @Async} runs one in another thread. In the
 * application the bean is proxied: a call sends an event to the event loop and returns at once; in
 * each worker's Spring context ({@code mp.event-loop.worker.context.enabled=true}) the same bean's
 * method runs for real, on the worker's own bean with the worker's own dependencies. Only the
 * arguments travel (as JSON), and the result travels back.
 *
 * <p>What the method returns decides what the caller gets:
 * <ul>
 * <li>{@code CompletableFuture<T>} or {@code CompletionStage<T>}: the caller gets an
 * {@link io.github.mpeventloop.EventFuture EventFuture} completed with the value; in the worker,
 * the method returns {@code CompletableFuture.completedFuture(value)} (or a stage it completes
 * later, awaited without blocking the worker), as with {@code @Async};</li>
 * <li>{@code Iterable<T>}, {@code Flow.Publisher<T>} or {@code Stream<T>}: the items are streamed
 * back one by one; the caller gets an {@link io.github.mpeventloop.EventStream EventStream} (for a
 * {@code Stream}, a stream over it, to be closed);</li>
 * <li>{@code void}: fire-and-forget; a failure is logged.</li>
 * </ul>
 * Any other return type is refused when the bean is created. The bean must be in the worker
 * context under the same name: the application refuses to start otherwise, naming the bean. As with
 * {@code @Async}, a call from the bean to itself is not proxied and runs in place.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface InWorker {

    /**
     * How long the call may run in its worker before it fails with an
     * {@link io.github.mpeventloop.EventTimeoutException} (and the worker is replaced), as a
     * duration such as {@code "5s"} or {@code "PT5S"}; empty for the loop's event timeout.
     */
    String timeout() default "";

    /** How many times the call runs again on another worker when its worker dies; only for calls safe to repeat. */
    int retries() default 0;

    /** Name of the {@code EventLoop} bean to use; empty for the application's only loop. */
    String loop() default "";
}
