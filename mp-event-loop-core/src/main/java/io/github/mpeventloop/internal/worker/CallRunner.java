package io.github.mpeventloop.internal.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.call.ResolvedTarget;
import io.github.mpeventloop.internal.call.TargetNotFoundException;
import io.github.mpeventloop.internal.call.TargetPolicy;
import io.github.mpeventloop.internal.wire.ParentFrame;
import io.github.mpeventloop.internal.wire.WireCodec;
import io.github.mpeventloop.spi.bootstrap.WorkerBeans;

/**
 * Runs one {@code call} in the worker: reads its body into the types its target declares
 * ({@link CallDecoder}), invokes the target (a method or constructor, or an {@code Event}'s
 * {@code run}) and writes the answer. Every failure, from an unknown class to a result too
 * large for a frame, becomes an {@code error} frame for that event alone. An
 * {@link OutOfMemoryError} is answered and then ends the worker, which cannot be trusted after it.
 */
final class CallRunner {

    private final CallDecoder decoder;
    private final WorkerObjects objects;
    private final Mirror mirror = new Mirror();
    private final ClassLoader loader;
    private final @Nullable WorkerBeans beans;

    CallRunner(WireCodec codec, ClassLoader loader, WorkerObjects objects, @Nullable WorkerBeans beans) {
        this.decoder = new CallDecoder(codec, loader);
        this.objects = objects;
        this.loader = loader;
        this.beans = beans;
    }

    /** What one call produced: its value, and the object whose properties are mirrored back. */
    private record Outcome(@Nullable Object value, @Nullable Object subject) {
    }

    /** What happens to a call whose target returned a stage to await or a stream to send. */
    interface Followups {
        /** Answers the call when {@code stage} completes, without blocking the event thread. */
        void await(long id, boolean output, long startNanos, CompletionStage<?> stage);

        /** Sends the items of {@code result}, one per step, within {@code credit}. */
        void stream(long id, boolean output, long startNanos, long credit, @Nullable Object result);
    }

    /**
     * Runs one call. A plain call is answered here (or with {@code cancelled} when the parent
     * cancelled it); an asynchronous call whose target returned a {@link CompletionStage} and a
     * streamed call are handed to {@code followups}, which answer them later.
     */
    void run(ParentFrame.Call call, Answers answers, Followups followups, PlainCalls plainCalls) {
        long id = call.id();
        boolean plain = call.mode() == ParentFrame.CallMode.PLAIN;
        long start = System.nanoTime();
        if (plain && !plainCalls.begin(id)) {
            answers.cancelled(id, 0);
            return;
        }
        Object value = null;
        Object subject = null;
        List<String> mirrored = List.of();
        Throwable failure = null;
        try {
            DecodedCall decoded = decoder.decode(call);
            mirrored = decoded.mirror;
            Outcome outcome = dispatch(decoded);
            value = outcome.value();
            subject = outcome.subject();
        } catch (Throwable e) {
            failure = e;
        }
        if (plain && plainCalls.end(id)) {
            answers.cancelled(id, System.nanoTime() - start);
            return;
        }
        if (failure == null && call.mode() == ParentFrame.CallMode.STREAM) {
            followups.stream(id, call.output(), start, call.credit(), value);
            return;
        }
        if (failure == null && call.mode() == ParentFrame.CallMode.ASYNC && value instanceof CompletionStage<?> stage) {
            followups.await(id, call.output(), start, stage);
            return;
        }
        Map<String, Object> properties = failure == null && subject != null && !mirrored.isEmpty()
                ? mirror.read(subject, mirrored) : Map.of();
        long nanos = System.nanoTime() - start;
        if (failure == null) {
            failure = answers.result(id, nanos, call.output(), value, properties);
        }
        if (failure != null) {
            answers.error(id, nanos, failure, -1);
        }
    }

    private Outcome dispatch(DecodedCall call) throws Throwable {
        return switch (call.header.form()) {
            case EVENT -> new Outcome(call.event == null ? null : call.event.run(), null);
            case READ -> new Outcome(cached(call.objectId), null);
            case FORGET -> {
                objects.release(call.objectId);
                yield new Outcome(null, null);
            }
            case STORE -> {
                store(call);
                yield new Outcome(null, null);
            }
            case BATCH -> new Outcome(runBatch(call), null);
            case TARGET -> runTarget(call);
        };
    }

    private Object cached(long id) {
        Object object = objects.cached(id);
        if (object == null) {
            throw new IllegalStateException("no cached object #" + id + " in this worker");
        }
        return object;
    }

    private void store(DecodedCall call) {
        Object object = call.values == null || call.values.length == 0 ? null : call.values[0];
        if (object == null) {
            throw new IllegalArgumentException("no value for cached object #" + call.objectId);
        }
        objects.store(call.objectId, object, call.replace);
    }

    private static ResolvedTarget targetOf(DecodedCall call) {
        if (call.target == null) {
            throw new IllegalArgumentException("a " + call.header.form().wireName() + " call without a target");
        }
        return call.target;
    }

    private Outcome runTarget(DecodedCall call) throws Throwable {
        ResolvedTarget target = targetOf(call);
        Object[] values = call.values == null ? new Object[0] : call.values;
        if (values.length != target.valueCount()) {
            throw new IllegalArgumentException(target + " takes " + target.valueCount() + " values, the call has "
                    + values.length);
        }
        call.refs.forEach((slot, objectId) -> values[slot] = cached(objectId));
        call.vars.forEach((slot, name) -> values[slot] = variable(name));
        if (call.beanType != null && values.length > 0) {
            values[0] = bean(call.beanType, call.beanName, target);
        }
        Object result = target.invoke(values);
        if (call.storeResult > 0) {
            if (result == null) {
                throw new IllegalStateException(target + " returned null; there is no object to keep");
            }
            objects.store(call.storeResult, result, true);
            return new Outcome(null, result);
        }
        if (call.init) {
            return new Outcome(nameVariables(result, target), null);
        }
        return new Outcome(result, values.length > 0 && call.refs.containsKey(0) ? values[0] : null);
    }

    /** The receiver of a bean target: the bean of the type (and name) the call gives, from the worker's bootstrap. */
    private Object bean(String typeName, @Nullable String name, ResolvedTarget target) throws ClassNotFoundException {
        String wanted = name == null ? "bean of type " + typeName : "bean '" + name + "' of type " + typeName;
        if (beans == null) {
            throw new IllegalStateException("no " + wanted + " for " + target + ": this worker has no beans; start "
                    + "a worker context (mp.event-loop.worker.context.enabled=true in a Spring application, or a "
                    + "WorkerBootstrap of your own)");
        }
        if (TargetPolicy.isPlatformClass(typeName)) {
            throw new TargetNotFoundException("a bean target cannot run on a platform type: " + typeName, null);
        }
        return beans.bean(Class.forName(typeName, false, loader), name);
    }

    /**
     * Runs a target once per item of a batch ({@code map} with a batch size): the values are the
     * ones the target captured, each item is its last argument; the answer is the list of results.
     */
    private List<@Nullable Object> runBatch(DecodedCall call) throws Throwable {
        ResolvedTarget target = targetOf(call);
        Object[] captured = call.values == null ? new Object[0] : call.values;
        int last = target.valueCount() - 1;
        if (last < 0 || captured.length != last) {
            throw new IllegalArgumentException(target + " takes " + target.valueCount() + " values; a batch call has "
                    + captured.length + " and one per item");
        }
        Object[] values = new Object[target.valueCount()];
        System.arraycopy(captured, 0, values, 0, last);
        List<@Nullable Object> results = new ArrayList<>(call.batch.size());
        for (int item = 0; item < call.batch.size(); item++) {
            values[last] = call.batch.get(item);
            try {
                results.add(target.invoke(values));
            } catch (Exception e) {
                throw new IllegalStateException("item " + item + " of the batch failed: " + e, e);
            }
        }
        return results;
    }

    private Object variable(String name) {
        Object value = objects.named(name);
        if (value == null) {
            throw new IllegalStateException("no variable '" + name + "' in this worker: the worker initializer "
                    + "did not make one (see EventLoopBuilder#workerInitializer)");
        }
        return value;
    }

    private List<String> nameVariables(@Nullable Object result, ResolvedTarget initializer) {
        if (!(result instanceof Map<?, ?> variables)) {
            throw new IllegalStateException("the worker initializer " + initializer + " must return a Map of names to "
                    + "objects, returned " + result);
        }
        List<String> names = new ArrayList<>();
        variables.forEach((name, value) -> {
            if (name instanceof String text && value != null) {
                objects.name(text, value);
                names.add(text);
            }
        });
        return names;
    }

    /** The failure a completed stage carries, without the {@link CompletionException} wrapper. */
    static @Nullable Throwable unwrap(@Nullable Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
