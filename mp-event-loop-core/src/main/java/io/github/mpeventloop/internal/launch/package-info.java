/**
 * Starting workers: child JVM processes (command line, class path, private socket) and in-process worker threads. Internal: not part of the public API.
 */
@NullMarked
package io.github.mpeventloop.internal.launch;

import org.jspecify.annotations.NullMarked;
