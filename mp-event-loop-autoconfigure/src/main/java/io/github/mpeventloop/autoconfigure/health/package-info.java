/**
 * Auto-configuration of the event loop's actuator health contributor.
 */
@NullMarked
package io.github.mpeventloop.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
