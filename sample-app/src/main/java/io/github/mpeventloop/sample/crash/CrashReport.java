package io.github.mpeventloop.sample.crash;

import org.jspecify.annotations.Nullable;

/**
 * How a crash event ended, as the page receives it.
 *
 * @param workerLost whether the worker running it died, as it should
 * @param workerId id of the lost worker, or 0
 * @param exitCode its exit code, when known
 * @param message the loop's account of the loss (or of whatever else happened)
 */
public record CrashReport(boolean workerLost, int workerId, @Nullable Integer exitCode, String message) {
}
