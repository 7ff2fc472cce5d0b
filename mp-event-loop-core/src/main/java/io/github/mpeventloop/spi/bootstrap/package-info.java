/**
 * The service-provider interface of a worker JVM's start-up: a
 * {@link io.github.mpeventloop.spi.bootstrap.WorkerBootstrap}, found with {@link java.util.ServiceLoader},
 * runs before the worker connects (starting an application context, say) and may offer the
 * {@link io.github.mpeventloop.spi.bootstrap.WorkerBeans} that bean targets run on. Apart from
 * {@code io.github.mpeventloop.spi} so that the worker depends on it and nothing else of the SPI.
 */
@NullMarked
package io.github.mpeventloop.spi.bootstrap;

import org.jspecify.annotations.NullMarked;
