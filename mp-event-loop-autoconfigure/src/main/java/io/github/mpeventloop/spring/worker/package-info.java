/**
 * Beans in workers: a Spring application context started in each worker JVM
 * ({@link io.github.mpeventloop.spring.worker.SpringWorkerBootstrap}), bean targets resolved in it,
 * {@link io.github.mpeventloop.spring.worker.InWorker @InWorker} bean methods proxied in the
 * application, and the conditions {@link io.github.mpeventloop.spring.worker.ConditionalOnWorker}
 * and {@link io.github.mpeventloop.spring.worker.ConditionalOnNotWorker} that keep beans in or out
 * of worker contexts.
 */
@NullMarked
package io.github.mpeventloop.spring.worker;

import org.jspecify.annotations.NullMarked;
