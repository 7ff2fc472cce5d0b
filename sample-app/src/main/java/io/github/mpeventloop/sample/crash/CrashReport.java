package io.github.mpeventloop.sample.crash;

/**
 * What the crash event did, as the page receives it.
 *
 * @param workerPid process id of the worker that took the crash event and is about to halt
 * @param message what happens next
 */
public record CrashReport(long workerPid, String message) {
}
