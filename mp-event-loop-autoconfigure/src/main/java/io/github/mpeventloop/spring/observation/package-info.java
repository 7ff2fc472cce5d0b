/**
 * Micrometer Observations of the events of an event loop, with the trace context carried to the workers.
 */
@NullMarked
package io.github.mpeventloop.spring.observation;

import org.jspecify.annotations.NullMarked;
