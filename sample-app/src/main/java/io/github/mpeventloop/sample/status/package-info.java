/**
 * The status panel's data: the loop's workers, queue and throughput, read from its health snapshot
 * and its Micrometer meters.
 */
@NullMarked
package io.github.mpeventloop.sample.status;

import org.jspecify.annotations.NullMarked;
