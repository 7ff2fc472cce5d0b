/**
 * The wire protocol between a parent and its workers: length-prefixed Jackson frames, the handshake and the mapper that decides what may travel. Internal: not part of the public API (see {@code docs/protocol.md}).
 */
@NullMarked
package io.github.mpeventloop.internal.wire;

import org.jspecify.annotations.NullMarked;
