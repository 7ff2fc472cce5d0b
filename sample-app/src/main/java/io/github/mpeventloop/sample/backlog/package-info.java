/**
 * A backlog of short events, for trying a graceful shutdown with work in flight.
 */
@NullMarked
package io.github.mpeventloop.sample.backlog;

import org.jspecify.annotations.NullMarked;
