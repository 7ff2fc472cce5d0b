package io.github.mpeventloop.spring;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import io.github.mpeventloop.EventResult;
import io.github.mpeventloop.ResultHandler;

/**
 * The {@link ResultHandler} that calls one {@link OutputHandler @OutputHandler} method, for the
 * results it declares it wants.
 */
final class OutputHandlerMethod implements ResultHandler {

    private final Object bean;
    private final Method method;
    private final boolean wantsResult;
    private final Class<?> valueType;
    private final Set<String> keys;
    private final boolean stopsPropagation;
    private final String loop;

    OutputHandlerMethod(Object bean, Method method, OutputHandler annotation) {
        if (method.getParameterCount() != 1) {
            throw new IllegalStateException("@OutputHandler method " + method.toGenericString()
                    + " must take exactly one parameter: EventResult<T> or the value type T");
        }
        this.bean = bean;
        this.method = method;
        ReflectionUtils.makeAccessible(method);
        ResolvableType parameter = ResolvableType.forMethodParameter(method, 0);
        this.wantsResult = EventResult.class.isAssignableFrom(parameter.toClass());
        ResolvableType value = this.wantsResult ? parameter.as(EventResult.class).getGeneric(0) : parameter;
        this.valueType = ClassUtils.resolvePrimitiveIfNecessary(value.resolve(Object.class));
        this.keys = Set.copyOf(Arrays.asList(annotation.key()));
        Class<?> returnType = method.getReturnType();
        this.stopsPropagation = returnType == boolean.class || returnType == Boolean.class;
        this.loop = annotation.loop();
    }

    /** The loop the method named, or empty for the default one. */
    String loop() {
        return this.loop;
    }

    @Override
    public boolean handle(EventResult<?> result) throws Exception {
        if (!this.keys.isEmpty() && (result.eventKey() == null || !this.keys.contains(String.valueOf(result.eventKey())))) {
            return false;
        }
        boolean anyValue = this.wantsResult && this.valueType == Object.class;
        if (!anyValue && !this.valueType.isInstance(result.value())) {
            return false;
        }
        Object returned = invoke(this.wantsResult ? result : result.value());
        return this.stopsPropagation && Boolean.TRUE.equals(returned);
    }

    private @Nullable Object invoke(@Nullable Object argument) throws Exception {
        try {
            return this.method.invoke(this.bean, argument);
        } catch (InvocationTargetException ex) {
            Throwable cause = ex.getTargetException();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw ex;
        }
    }

    @Override
    public String toString() {
        return "@OutputHandler " + this.method.getDeclaringClass().getSimpleName() + "." + this.method.getName()
                + "(" + this.method.getParameterTypes()[0].getSimpleName() + ")"
                + (this.keys.isEmpty() ? "" : " keys " + this.keys.stream().sorted().collect(Collectors.joining(",")))
                + (this.loop.isEmpty() ? "" : " of loop " + this.loop);
    }
}
