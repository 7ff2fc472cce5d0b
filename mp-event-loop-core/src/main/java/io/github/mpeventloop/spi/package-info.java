/**
 * The service-provider interface for where workers run. A {@link io.github.mpeventloop.spi.WorkerLauncher}
 * starts a worker and returns a {@link io.github.mpeventloop.spi.WorkerChannel}: a pair of byte
 * channels to and from the worker, its process id, and the means to end it and learn how it ended.
 * A launcher knows nothing of the protocol: the loop runs the handshake (with the one-time secret it
 * hands to {@link io.github.mpeventloop.spi.WorkerLauncher#launch launch}) and every frame after it.
 * On the other end, {@link io.github.mpeventloop.spi.WorkerEndpoint#serve WorkerEndpoint.serve}
 * runs a worker over any such pair of channels, wherever the launcher placed it (a thread, a child
 * JVM, a member of a cluster).
 *
 * <p>A loop uses a launcher of its own through
 * {@code EventLoop.builder().workerLauncher(WorkerLauncherFactory)}.
 */
@NullMarked
package io.github.mpeventloop.spi;

import org.jspecify.annotations.NullMarked;
