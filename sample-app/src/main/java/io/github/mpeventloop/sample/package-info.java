/**
 * The sample application: a fractal explorer and a prime counter whose work runs in worker JVMs,
 * and the plain-Java Quick Start.
 */
@NullMarked
package io.github.mpeventloop.sample;

import org.jspecify.annotations.NullMarked;
