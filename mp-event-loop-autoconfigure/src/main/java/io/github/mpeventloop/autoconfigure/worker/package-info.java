/**
 * Auto-configuration of beans in workers: a Spring context in each worker JVM
 * ({@code mp.event-loop.worker.context.*}) and {@link io.github.mpeventloop.spring.worker.InWorker @InWorker} proxies.
 */
@NullMarked
package io.github.mpeventloop.autoconfigure.worker;

import org.jspecify.annotations.NullMarked;
