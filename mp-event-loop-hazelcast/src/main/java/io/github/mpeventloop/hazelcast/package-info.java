/**
 * A Hazelcast backend: workers run as child JVMs of host agents, members of a Hazelcast cluster
 * ({@link io.github.mpeventloop.hazelcast.WorkerMember}), started with the core's own process
 * launcher; the parent, a member or a client, reaches them through
 * {@link io.github.mpeventloop.hazelcast.HazelcastWorkerLauncher}. The parent's frames cross the
 * cluster as numbered {@code byte[]} pieces carried by tasks and a topic of this package; the agent
 * relays bytes and reads no frame, so the handshake, codec, target rules and supervision are the
 * core's.
 */
@NullMarked
package io.github.mpeventloop.hazelcast;

import org.jspecify.annotations.NullMarked;
