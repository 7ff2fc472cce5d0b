/**
 * A Hazelcast backend: workers run in members of a Hazelcast cluster. The parent's frames cross the
 * cluster as {@code byte[]} chunks carried by tasks of this package; each member session runs the
 * core's {@code WorkerEndpoint}, with the same handshake, codec and target rules as local workers.
 */
@NullMarked
package io.github.mpeventloop.hazelcast;

import org.jspecify.annotations.NullMarked;
