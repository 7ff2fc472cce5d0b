package io.github.mpeventloop.test;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;

import io.github.mpeventloop.EventResult;
import io.github.mpeventloop.ResultHandler;

/**
 * An output handler that records every result of the event loop, failures included, for a test to
 * wait for and assert on. It runs first ({@link Ordered#HIGHEST_PRECEDENCE}), so a handler of the
 * application that stops propagation hides nothing from it, and it never stops propagation itself.
 * Added by {@link AutoConfigureRecordedResults}; results are recorded in the order the loop hands
 * them to its handlers, which is the order the events were submitted.
 *
 * <p>The {@code await...} methods wait up to {@link #timeout(Duration) a timeout} (30 seconds
 * unless set: workers are real JVMs that take a moment to start) through Awaitility, and fail with
 * what was recorded so far.
 */
public class RecordedResults implements ResultHandler, Ordered {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final List<EventResult<?>> results = new CopyOnWriteArrayList<>();
    private volatile Duration timeout = DEFAULT_TIMEOUT;

    @Override
    public boolean handle(EventResult<?> result) {
        this.results.add(result);
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /**
     * Sets how long the {@code await...} methods wait.
     *
     * @param timeout the longest wait
     * @return this recorder
     */
    public RecordedResults timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Every result recorded so far, in the order the handlers got them.
     *
     * @return an unmodifiable snapshot
     */
    public List<EventResult<?>> all() {
        return List.copyOf(this.results);
    }

    /**
     * The values of the successful results recorded so far whose value is a {@code type}.
     *
     * @param <T> the value type
     * @param type the value type
     * @return the values, in order
     */
    public <T> List<T> values(Class<T> type) {
        return this.results.stream().filter(EventResult::isSuccess).map(EventResult::value)
            .filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * The failed results recorded so far; each one's {@link EventResult#error()} says why.
     *
     * @return the failures, in order
     */
    public List<EventResult<?>> failures() {
        return this.results.stream().filter(result -> !result.isSuccess()).toList();
    }

    /**
     * Waits for the first result of an event submitted with {@code key} (compared as in
     * {@code @OutputHandler(key = ...)}: by string form).
     *
     * @param key the event's key
     * @return its result, a success or a failure
     */
    public EventResult<?> awaitKey(Object key) {
        String wanted = String.valueOf(key);
        await("No result with key '" + wanted + "'", () -> find(wanted) != null);
        return Objects.requireNonNull(find(wanted));
    }

    /**
     * Waits until at least {@code count} results were recorded.
     *
     * @param count how many results to wait for
     * @return every result recorded when the wait ended
     */
    public List<EventResult<?>> awaitCount(int count) {
        await("Fewer than " + count + " results", () -> this.results.size() >= count);
        return all();
    }

    /** Forgets every result recorded so far, between the tests of a shared application context. */
    public void clear() {
        this.results.clear();
    }

    private void await(String failure, Callable<Boolean> condition) {
        try {
            Awaitility.await().atMost(this.timeout).until(condition);
        } catch (ConditionTimeoutException ex) {
            throw new AssertionError(failure + " within " + this.timeout + "; recorded " + describe(), ex);
        }
    }

    private @Nullable EventResult<?> find(String key) {
        return this.results.stream().filter(result -> key.equals(String.valueOf(result.eventKey()))).findFirst()
            .orElse(null);
    }

    private String describe() {
        return this.results.size() + " result(s), keys " + this.results.stream().map(EventResult::eventKey).toList();
    }

    @Override
    public String toString() {
        return "RecordedResults[" + describe() + "]";
    }
}
