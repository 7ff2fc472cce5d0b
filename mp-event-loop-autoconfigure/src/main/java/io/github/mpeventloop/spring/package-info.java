/**
 * Spring integration of the event loop, usable without auto-configuration: the {@link io.github.mpeventloop.spring.OutputHandler} annotation, its registrar and the lifecycle adapter.
 */
@NullMarked
package io.github.mpeventloop.spring;

import org.jspecify.annotations.NullMarked;
