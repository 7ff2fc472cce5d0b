/**
 * The fractal explorer: a view of the Mandelbrot set is split into tiles, each tile is an event
 * computed in a worker JVM, and finished tiles stream to the browser as Server-Sent Events.
 */
@NullMarked
package io.github.mpeventloop.sample.fractal;

import org.jspecify.annotations.NullMarked;
