/**
 * The sample application: a web service that counts primes in worker JVMs, and the plain-Java Quick Start.
 */
@NullMarked
package io.github.mpeventloop.sample;

import org.jspecify.annotations.NullMarked;
