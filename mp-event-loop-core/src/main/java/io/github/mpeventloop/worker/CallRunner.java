package io.github.mpeventloop.worker;

import java.lang.reflect.Type;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.internal.call.ResolvedTarget;
import io.github.mpeventloop.internal.call.TargetDescriptor;
import io.github.mpeventloop.internal.call.TargetNotFoundException;
import io.github.mpeventloop.internal.call.TargetPolicy;
import io.github.mpeventloop.internal.call.TargetResolver;
import io.github.mpeventloop.spi.bootstrap.WorkerBeans;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one {@code call} frame in the worker: resolves its target (a method or constructor by
 * descriptor, or an {@link Event} subclass by name), reads its values as the types the target
 * declares, invokes it and writes the answer. Every failure, from an unknown class to a result too
 * large for a frame, becomes an {@code error} frame for that event alone. An
 * {@link OutOfMemoryError} is answered and then ends the worker, which cannot be trusted after it.
 */
final class CallRunner {

    private final JsonMapper mapper;
    private final ClassLoader loader;
    private final TargetResolver resolver;
    private final WorkerObjects objects;
    private final Mirror mirror = new Mirror();
    private final @Nullable WorkerBeans beans;

    CallRunner(JsonMapper mapper, ClassLoader loader, WorkerObjects objects, @Nullable WorkerBeans beans) {
        this.mapper = mapper;
        this.loader = loader;
        this.resolver = new TargetResolver(loader);
        this.objects = objects;
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
     * Runs one call. A plain call is answered here; an asynchronous call ({@code "mode":"async"})
     * whose target returned a {@link CompletionStage} and a streamed call ({@code "mode":"stream"})
     * are handed to {@code followups}, which answer them later.
     */
    void run(JsonNode call, Answers answers, Followups followups, PlainCalls plainCalls) {
        long id = call.path("id").asLong(-1);
        boolean output = call.path("output").asBoolean(true);
        String mode = call.path("mode").asString("");
        long start = System.nanoTime();
        boolean plain = mode.isEmpty();
        if (plain && !plainCalls.begin(id)) {
            answers.cancelled(id, 0);
            return;
        }
        Object value = null;
        Object subject = null;
        Throwable failure = null;
        try {
            Outcome outcome = dispatch(call);
            value = outcome.value();
            subject = outcome.subject();
        } catch (Throwable e) {
            failure = e;
        }
        if (plain && plainCalls.end(id)) {
            answers.cancelled(id, System.nanoTime() - start);
            return;
        }
        if (failure == null && "stream".equals(mode)) {
            followups.stream(id, output, start, call.path("credit").asLong(0), value);
            return;
        }
        if (failure == null && "async".equals(mode) && value instanceof CompletionStage<?> stage) {
            followups.await(id, output, start, stage);
            return;
        }
        JsonNode mirrored = call.path("mirror");
        java.util.Map<String, Object> properties = failure == null && subject != null && mirrored.isArray()
                ? mirror.read(subject, mirrored) : java.util.Map.of();
        long nanos = System.nanoTime() - start;
        if (failure == null) {
            failure = answers.result(id, nanos, output, value, properties);
        }
        if (failure != null) {
            answers.error(id, nanos, failure, -1);
        }
    }

    private Outcome dispatch(JsonNode call) throws Throwable {
        if (call.has("event")) {
            return new Outcome(runEvent(call), null);
        }
        if (call.has("read")) {
            return new Outcome(cached(call.path("read").asLong()), null);
        }
        if (call.has("release")) {
            objects.release(call.path("release").asLong());
            return new Outcome(null, null);
        }
        if (call.has("store") && !call.has("target")) {
            store(call);
            return new Outcome(null, null);
        }
        return runTarget(call);
    }

    private Object cached(long id) {
        Object object = objects.cached(id);
        if (object == null) {
            throw new IllegalStateException("no cached object #" + id + " in this worker");
        }
        return object;
    }

    private void store(JsonNode call) throws ClassNotFoundException {
        String className = call.path("class").asString("");
        if (TargetPolicy.isPlatformClass(className)) {
            throw new TargetNotFoundException("a cached object cannot be a platform object: " + className, null);
        }
        Class<?> type = Class.forName(className, false, loader);
        Object object = read(call.path("values").path(0), type, "cached object of class " + className);
        if (object == null) {
            throw new IllegalArgumentException("no value for cached object #" + call.path("store").asLong());
        }
        objects.store(call.path("store").asLong(), object, call.path("replace").asBoolean(false));
    }

    private Outcome runTarget(JsonNode call) throws Throwable {
        TargetDescriptor descriptor;
        try {
            descriptor = TargetDescriptor.read(call.path("target"));
        } catch (IllegalArgumentException e) {
            throw new TargetNotFoundException("malformed target in call: " + e.getMessage(), e);
        }
        TargetPolicy.check(descriptor);
        ResolvedTarget target = resolver.resolve(descriptor);
        JsonNode values = call.path("values");
        if (call.has("batch")) {
            return new Outcome(runBatch(target, values, call.path("batch")), null);
        }
        if (values.size() != target.valueCount()) {
            throw new IllegalArgumentException(target + " takes " + target.valueCount() + " values, the call has "
                    + values.size());
        }
        JsonNode refs = call.path("refs");
        JsonNode vars = call.path("vars");
        Object[] decoded = new Object[values.size()];
        for (int i = 0; i < decoded.length; i++) {
            String slot = Integer.toString(i);
            if (i == 0 && call.has("bean")) {
                decoded[i] = bean(call.path("bean"), target);
            } else if (refs.has(slot)) {
                decoded[i] = cached(refs.path(slot).asLong());
            } else if (vars.has(slot)) {
                decoded[i] = variable(vars.path(slot).asString());
            } else {
                decoded[i] = read(values.get(i), target.valueType(i), "value " + i + " of " + target);
            }
        }
        Object result = target.invoke(decoded);
        if (call.has("storeResult")) {
            if (result == null) {
                throw new IllegalStateException(target + " returned null; there is no object to keep");
            }
            objects.store(call.path("storeResult").asLong(), result, true);
            return new Outcome(null, result);
        }
        if (call.path("init").asBoolean(false)) {
            return new Outcome(nameVariables(result, target), null);
        }
        return new Outcome(result, decoded.length > 0 && refs.has("0") ? decoded[0] : null);
    }

    /**
     * Runs a target once per item of a batch ({@code map} with a batch size): the values are the
     * ones the target captured, each item is its last argument; the answer is the list of results.
     */
    private java.util.List<@Nullable Object> runBatch(ResolvedTarget target, JsonNode captured, JsonNode items)
            throws Throwable {
        int last = target.valueCount() - 1;
        if (last < 0 || captured.size() != last) {
            throw new IllegalArgumentException(target + " takes " + target.valueCount() + " values; a batch call has "
                    + captured.size() + " and one per item");
        }
        Object[] decoded = new Object[target.valueCount()];
        for (int i = 0; i < last; i++) {
            decoded[i] = read(captured.get(i), target.valueType(i), "value " + i + " of " + target);
        }
        java.util.List<@Nullable Object> results = new java.util.ArrayList<>(items.size());
        for (int item = 0; item < items.size(); item++) {
            decoded[last] = read(items.get(item), target.valueType(last), "item " + item + " of the batch for " + target);
            try {
                results.add(target.invoke(decoded));
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

    /** The receiver of a bean target: the bean of the type (and name) the call gives, from the worker's bootstrap. */
    private Object bean(JsonNode reference, ResolvedTarget target) throws ClassNotFoundException {
        String typeName = reference.path("type").asString("");
        String name = reference.path("name").isString() ? reference.path("name").asString() : null;
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

    private java.util.List<String> nameVariables(@Nullable Object result, ResolvedTarget initializer) {
        if (!(result instanceof java.util.Map<?, ?> variables)) {
            throw new IllegalStateException("the worker initializer " + initializer + " must return a Map of names to "
                    + "objects, returned " + result);
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        variables.forEach((name, value) -> {
            if (name instanceof String text && value != null) {
                objects.name(text, value);
                names.add(text);
            }
        });
        return names;
    }

    private @Nullable Object runEvent(JsonNode call) throws Exception {
        String className = call.path("event").asString("");
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new TargetNotFoundException("no event class " + className, e);
        }
        if (!Event.class.isAssignableFrom(type)) {
            throw new TargetNotFoundException(className + " is not a subclass of " + Event.class.getName(), null);
        }
        Event<?> event = (Event<?>) read(call.path("fields"), type, "fields of " + className);
        if (event == null) {
            throw new IllegalArgumentException("no fields for " + className);
        }
        return event.run();
    }

    private @Nullable Object read(JsonNode node, Type type, String what) {
        JavaType javaType = mapper.getTypeFactory().constructType(type);
        try {
            return mapper.treeToValue(node, javaType);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(what + " cannot be read as " + javaType.toCanonical() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
