/**
 * Internal: the worker side behind {@link io.github.mpeventloop.worker.WorkerMain} and
 * {@link io.github.mpeventloop.spi.WorkerEndpoint}: the worker loop, its frame reading, scheduler,
 * call running and answers. Not an API; it may change in any release.
 */
@NullMarked
package io.github.mpeventloop.internal.worker;

import org.jspecify.annotations.NullMarked;
