package io.github.mpeventloop;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.call.LambdaTargets;

/**
 * An event that calls a target with arguments: what {@link Event#of(Target.Call1, Object)} and
 * {@link EventLoop#addEvent(Target.Call1, Object)} make. Handlers can read its target and
 * arguments back from {@link EventResult#event()}.
 *
 * @param <R> type of the target's result
 */
public final class CallEvent<R> extends Event<R> {

    private final transient @Nullable Target target;
    private final transient @Nullable String name;
    private final transient @Nullable Method method;
    private final transient @Nullable Object[] args;
    private transient CallShape shape = CallShape.PLAIN;
    private transient boolean streamed;
    private transient boolean stageValue = true;

    CallEvent(@Nullable Target target, @Nullable String name, @Nullable Object... args) {
        this(target, name, null, args);
    }

    private CallEvent(@Nullable Target target, @Nullable String name, @Nullable Method method,
            @Nullable Object[] args) {
        this.target = target;
        this.name = name;
        this.method = method;
        this.args = args == null ? new Object[] {null} : args.clone();
    }

    /** A call of a reflected {@code method}, with its values (the receiver slot first, for an instance method). */
    static <R> CallEvent<R> ofMethod(Method method, @Nullable Object[] values) {
        return new CallEvent<>(null, null, method, values);
    }

    /** The reflected method called, or {@code null} for a method reference, lambda or call by name. */
    @Nullable Method method() {
        return method;
    }

    /**
     * Runs this bean target on the worker's bean named {@code beanName} rather than on the one bean
     * of its type; see {@link Event#onBean(Target.Call2, Object)}.
     *
     * @throws IllegalStateException if this event is not a bean target
     */
    public CallEvent<R> beanNamed(String beanName) {
        CallShape.Bean bean = shape.bean();
        if (bean == null) {
            throw new IllegalStateException("beanNamed applies to a bean target (Event.onBean), not to " + this);
        }
        this.shape = CallShape.onBean(bean.type(), beanName);
        return this;
    }

    /** The method reference or lambda, or {@code null} for a call by name. */
    public @Nullable Target target() {
        return target;
    }

    /** The registered name called, or {@code null} for a call of a method reference or lambda. */
    public @Nullable String targetName() {
        return name;
    }

    /** The arguments, as given. */
    public List<@Nullable Object> args() {
        return Arrays.asList(args.clone());
    }

    @Nullable Object[] argsArray() {
        return args;
    }

    /**
     * Sends the target's result back item by item: for a target returning an {@link Iterable} (a
     * {@code List}, say), which otherwise travels whole. Targets returning a {@code Stream}, an
     * {@code Iterator} or a {@code Flow.Publisher} are streamed without asking. Each item reaches
     * the output handlers as a result of its own ({@link EventResult#isItem()}), then the end
     * ({@link EventResult#isEndOfStream()}); the event's future completes with {@code null} at the
     * end. {@link EventLoop#addStream(CallEvent)} gives a handle that consumes the items too.
     */
    public CallEvent<R> streamed() {
        this.streamed = true;
        return this;
    }

    /** Whether {@link #streamed()} was asked for. */
    public boolean isStreamed() {
        return streamed;
    }

    /** Whether a {@code CompletionStage} result is handed over as a completed stage (the event's {@code R}) rather than its value. */
    boolean stageValue() {
        return stageValue;
    }

    /** The event's {@code R} is the stage's value, not the stage: see {@link EventLoop#addAsync}. */
    @SuppressWarnings("unchecked")
    <V> CallEvent<V> awaitingValue() {
        this.stageValue = false;
        return (CallEvent<V>) this;
    }

    /** How the loop fills some slots in the worker (a proxy's object, a named variable). */
    CallShape shape() {
        return shape;
    }

    CallEvent<R> shape(CallShape shape) {
        this.shape = shape;
        return this;
    }

    /** Runs the call in this JVM; the loop never does this, it runs the call in a worker. */
    @Override
    @SuppressWarnings("unchecked")
    public @Nullable R run() throws Exception {
        if (target == null || shape.bean() != null) {
            throw new UnsupportedOperationException("a call by name or on a worker's bean runs only in a loop: "
                    + this);
        }
        LambdaTargets.Captured captured = LambdaTargets.describe(target);
        Object[] values = new Object[captured.values().length + args.length];
        System.arraycopy(captured.values(), 0, values, 0, captured.values().length);
        System.arraycopy(args, 0, values, captured.values().length, args.length);
        try {
            return (R) captured.target().invoke(values);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public String toString() {
        String what = name != null ? "'" + name + "'" : method != null ? method.getName()
                : target == null ? "?" : target.getClass().getSimpleName();
        return "CallEvent[" + what + Arrays.toString(args) + (key() == null ? "" : ", key=" + key()) + "]";
    }
}
