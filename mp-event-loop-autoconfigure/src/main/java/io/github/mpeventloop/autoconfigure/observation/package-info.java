/**
 * Auto-configuration of the Micrometer Observations of the event loops.
 */
@NullMarked
package io.github.mpeventloop.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
