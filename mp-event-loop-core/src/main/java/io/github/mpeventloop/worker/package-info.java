/**
 * The worker side's public face: {@link io.github.mpeventloop.worker.WorkerMain}, the main class of
 * a worker JVM, and {@link io.github.mpeventloop.worker.WorkerContext}, which tells code whether it
 * runs in a worker. The machinery behind them is in {@code io.github.mpeventloop.internal.worker}.
 */
@NullMarked
package io.github.mpeventloop.worker;

import org.jspecify.annotations.NullMarked;
