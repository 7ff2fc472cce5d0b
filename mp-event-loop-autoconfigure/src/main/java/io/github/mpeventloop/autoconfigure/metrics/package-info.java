/**
 * Auto-configuration of the event loop's Micrometer meters.
 */
@NullMarked
package io.github.mpeventloop.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
