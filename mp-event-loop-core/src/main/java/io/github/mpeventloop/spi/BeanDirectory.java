package io.github.mpeventloop.spi;

import org.jspecify.annotations.Nullable;

/**
 * What the parent knows of the beans its workers hold, consulted when an event naming a bean
 * target is submitted, so that a bean the workers do not have is refused in the submitting thread
 * rather than failing in a worker. Set with {@code EventLoopBuilder.beanDirectory(BeanDirectory)};
 * a loop without one lets the worker refuse such an event.
 */
@FunctionalInterface
public interface BeanDirectory {

    /**
     * Refuses a bean the workers do not hold; returns normally when they do, or when it is not known.
     *
     * @param type the bean's type
     * @param name the bean's name, or {@code null} for the one bean of {@code type}
     * @throws IllegalArgumentException naming the bean and the fix
     */
    void check(Class<?> type, @Nullable String name);
}
