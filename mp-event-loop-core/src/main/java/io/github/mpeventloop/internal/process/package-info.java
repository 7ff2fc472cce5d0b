/**
 * What a worker JVM and its parent agree on outside the frames: the system property that marks a
 * worker JVM, the line a worker reads on its standard input, and a zombie-aware check that a
 * process runs. Internal: not part of the public API.
 */
@NullMarked
package io.github.mpeventloop.internal.process;

import org.jspecify.annotations.NullMarked;
