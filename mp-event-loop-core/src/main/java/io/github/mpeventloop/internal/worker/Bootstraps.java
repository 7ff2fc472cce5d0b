package io.github.mpeventloop.internal.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.spi.bootstrap.WorkerBeans;
import io.github.mpeventloop.spi.bootstrap.WorkerBootstrap;

/**
 * Runs the {@link WorkerBootstrap}s found on a worker JVM's class path, once, before the worker
 * connects, and joins the beans they offer: a bean target runs on the first bootstrap's bean that
 * exists.
 */
final class Bootstraps {

    private Bootstraps() {
    }

    /**
     * Runs every bootstrap in {@link ServiceLoader} order.
     *
     * @return the beans offered, or {@code null} when no bootstrap offers any
     * @throws Exception the first bootstrap's failure
     */
    static @Nullable WorkerBeans run(ClassLoader loader) throws Exception {
        List<WorkerBeans> offered = new ArrayList<>();
        for (WorkerBootstrap bootstrap : ServiceLoader.load(WorkerBootstrap.class, loader)) {
            Optional<WorkerBeans> beans = bootstrap.start();
            beans.ifPresent(offered::add);
        }
        if (offered.isEmpty()) {
            return null;
        }
        if (offered.size() == 1) {
            return offered.get(0);
        }
        return (type, name) -> {
            IllegalArgumentException first = null;
            for (WorkerBeans beans : offered) {
                try {
                    return beans.bean(type, name);
                } catch (IllegalArgumentException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            throw first;
        };
    }

    /** The failure as one line: its message, or its class when it has none. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = message == null || message.isBlank() ? failure.toString() : message;
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
