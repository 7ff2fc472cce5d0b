package io.github.mpeventloop.spring.worker;

import java.lang.reflect.Method;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.annotation.AnnotatedElementUtils;

import io.github.mpeventloop.CallEvent;
import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventStream;

/**
 * Turns a call of an {@link InWorker @InWorker} method into a bean target event for the same bean
 * in a worker ({@link Event#onBean(Class, String, Method, Object...)}), with the annotation's timeout
 * and retries, and gives back what the method's return type asks for: the event's future, a stream
 * handle, or nothing (fire-and-forget, a failure logged).
 */
final class InWorkerInterceptor implements MethodInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(InWorkerInterceptor.class);

    private final String beanName;
    private final Class<?> beanType;
    private final Function<String, EventLoop> loops;

    InWorkerInterceptor(String beanName, Class<?> beanType, Function<String, EventLoop> loops) {
        this.beanName = beanName;
        this.beanType = beanType;
        this.loops = loops;
    }

    @Override
    public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
        Method method = AopUtils.getMostSpecificMethod(invocation.getMethod(), beanType);
        InWorker spec = AnnotatedElementUtils.findMergedAnnotation(method, InWorker.class);
        if (spec == null) {
            return invocation.proceed();
        }
        CallEvent<Object> event = Event.onBean(beanType, beanName, method, invocation.getArguments());
        if (!spec.timeout().isEmpty()) {
            event.timeout(DurationStyle.detectAndParse(spec.timeout()));
        }
        if (spec.retries() > 0) {
            event.retries(spec.retries());
        }
        EventLoop loop = loops.apply(spec.loop());
        Class<?> returned = method.getReturnType();
        if (returned == void.class) {
            event.noOutput();
            loop.addEvent(event).whenComplete((value, failure) -> {
                if (failure != null) {
                    LOG.error("@InWorker method {}.{} of bean '{}' failed in a worker", beanType.getSimpleName(),
                            method.getName(), beanName, failure);
                }
            });
            return null;
        }
        if (returned == Stream.class) {
            EventStream<Object> items = loop.addStream(event);
            return StreamSupport.stream(items.spliterator(), false).onClose(items::close);
        }
        if (returned == Iterable.class || returned == Flow.Publisher.class) {
            return loop.addStream(event);
        }
        return loop.addEvent(event);
    }
}
