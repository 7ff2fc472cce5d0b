package io.github.mpeventloop.spi.bootstrap;

import java.util.Optional;

/**
 * Prepares a worker JVM before it serves its parent, for instance by starting an application
 * context whose beans events then run on. Implementations are found with
 * {@link java.util.ServiceLoader} on the worker JVM's class path (a
 * {@code META-INF/services/io.github.mpeventloop.spi.bootstrap.WorkerBootstrap} file) and run once, in that
 * order, before the worker connects: their start-up is part of the worker's ready time, within the
 * loop's start timeout. A bootstrap that does not apply (it was not asked for, say by a system
 * property from the loop's JVM options) returns an empty optional and costs nothing more.
 *
 * <p>A bootstrap that throws ends the worker before it is ready: the worker writes the exception's
 * message to its standard error and exits, and the loop's {@code start()} fails with a
 * {@code WorkerStartException} that carries that message. Bootstraps run only in worker JVMs, not in
 * worker threads of the parent nor in workers placed by a custom launcher.
 */
public interface WorkerBootstrap {

    /**
     * Runs the bootstrap.
     *
     * @return the beans that bean targets run on in this worker, or empty if this bootstrap offers none
     * @throws Exception if the worker cannot serve; its message becomes the worker's start failure
     */
    Optional<WorkerBeans> start() throws Exception;
}
