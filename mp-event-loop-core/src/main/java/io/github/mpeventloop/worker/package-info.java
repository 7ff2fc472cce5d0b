/**
 * The worker side: the main class of a worker JVM and the loop that runs events. Internal, apart from {@link io.github.mpeventloop.worker.WorkerMain} and {@link io.github.mpeventloop.worker.WorkerContext}.
 */
@NullMarked
package io.github.mpeventloop.worker;

import org.jspecify.annotations.NullMarked;
