/**
 * Spring Boot auto-configuration of the Hazelcast backend ({@code mp.event-loop.backend=hazelcast}).
 */
@NullMarked
package io.github.mpeventloop.hazelcast.autoconfigure;

import org.jspecify.annotations.NullMarked;
