/**
 * The event loop's actuator health indicator.
 */
@NullMarked
package io.github.mpeventloop.spring.health;

import org.jspecify.annotations.NullMarked;
