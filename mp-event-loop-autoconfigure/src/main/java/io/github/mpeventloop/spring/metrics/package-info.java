/**
 * The event loop's Micrometer binder.
 */
@NullMarked
package io.github.mpeventloop.spring.metrics;

import org.jspecify.annotations.NullMarked;
