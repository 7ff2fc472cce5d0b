/**
 * Naming a target so that it can cross a process boundary: method references and lambdas through {@link java.lang.invoke.SerializedLambda}, and their resolution in a worker. Internal: not part of the public API.
 */
@NullMarked
package io.github.mpeventloop.internal.call;

import org.jspecify.annotations.NullMarked;
