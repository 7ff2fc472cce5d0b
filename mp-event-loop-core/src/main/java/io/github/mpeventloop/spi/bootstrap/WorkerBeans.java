package io.github.mpeventloop.spi.bootstrap;

import org.jspecify.annotations.Nullable;

/**
 * The objects a worker's bean targets run on ({@code Event.onBean}), as a
 * {@link WorkerBootstrap} offers them: typically the beans of an application context the worker
 * started.
 */
@FunctionalInterface
public interface WorkerBeans {

    /**
     * The bean a bean target runs on.
     *
     * @param type the bean's type, as the event named it
     * @param name the bean's name, or {@code null} for the one bean of {@code type}
     * @return the bean
     * @throws IllegalArgumentException if there is no such bean, with a message naming the bean and the fix
     */
    Object bean(Class<?> type, @Nullable String name);
}
