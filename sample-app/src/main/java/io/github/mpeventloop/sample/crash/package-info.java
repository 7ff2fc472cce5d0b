/**
 * Crash isolation made visible: an event that kills the worker JVM running it.
 */
@NullMarked
package io.github.mpeventloop.sample.crash;

import org.jspecify.annotations.NullMarked;
