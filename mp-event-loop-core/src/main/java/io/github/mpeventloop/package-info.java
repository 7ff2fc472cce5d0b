/**
 * The public API of mp-event-loop: {@link io.github.mpeventloop.EventLoop}, its events, results, handlers and errors.
 */
@NullMarked
package io.github.mpeventloop;

import org.jspecify.annotations.NullMarked;
