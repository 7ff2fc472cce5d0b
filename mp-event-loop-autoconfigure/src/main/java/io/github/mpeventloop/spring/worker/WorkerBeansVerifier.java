package io.github.mpeventloop.spring.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventLoop;

/**
 * Once the loop has started (a phase after its lifecycle's), asks one worker which beans its Spring
 * context holds ({@link WorkerBeanCatalog}), teaches them to the {@link WorkerBeanDirectory}, and
 * refuses to let the application start when an {@link InWorker @InWorker} method's bean is not in
 * the workers' context (or when there is no worker context at all), naming each such bean and the
 * fix. The question is one event, keyed {@link #CATALOG_EVENT_KEY}, which output handlers see like
 * any other.
 */
public final class WorkerBeansVerifier implements SmartLifecycle {

    /** Key of the event that asks a worker for its beans. */
    public static final String CATALOG_EVENT_KEY = "mp-event-loop: worker bean catalog";

    private final @Nullable EventLoop loop;
    private final @Nullable WorkerBeanDirectory directory;
    private final InWorkerBeanPostProcessor processor;
    private final Duration wait;
    private final int phase;
    private volatile boolean running;

    /**
     * @param loop the loop whose workers are asked, or {@code null} when there is not exactly one
     * @param directory the directory to teach, or {@code null} when workers start no context
     * @param processor the proxied {@code @InWorker} methods
     * @param wait how long to wait for the worker's answer
     * @param phase the phase to start in: after the loop's
     */
    public WorkerBeansVerifier(@Nullable EventLoop loop, @Nullable WorkerBeanDirectory directory,
            InWorkerBeanPostProcessor processor, Duration wait, int phase) {
        this.loop = loop;
        this.directory = directory;
        this.processor = processor;
        this.wait = wait;
        this.phase = phase;
    }

    @Override
    public void start() {
        running = true;
        List<InWorkerBeanPostProcessor.InWorkerMethod> methods = processor.methods();
        if (directory == null) {
            if (!methods.isEmpty()) {
                throw new IllegalStateException(methods + " need a Spring context in each worker: set "
                        + "mp.event-loop.worker.context.enabled=true");
            }
            return;
        }
        if (loop == null || !loop.isRunning()) {
            return;
        }
        directory.learn(catalog(loop), getClass().getClassLoader());
        List<String> refused = new ArrayList<>();
        for (InWorkerBeanPostProcessor.InWorkerMethod method : methods) {
            try {
                directory.check(method.beanType(), method.beanName());
            } catch (BeanNotInWorkerException e) {
                refused.add(method + ": " + e.getMessage());
            }
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException(String.join("\n", refused));
        }
    }

    private Map<String, String> catalog(EventLoop eventLoop) {
        try {
            return eventLoop.addEvent(Event.of(WorkerBeanCatalog::describe).key(CATALOG_EVENT_KEY))
                .get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking a worker for its beans", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a worker could not list its beans: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("a worker did not list its beans within " + wait, e);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return phase;
    }
}
