package io.github.mpeventloop.sample.status;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A worker that died, as the status panel shows it: in the worker table, as lost, until its
 * replacement is up; then in the list of recent losses.
 *
 * @param id its id within the loop
 * @param pid process id of its JVM
 * @param eventsDone events it had finished when it was last seen alive
 * @param lostAt when its loss was noticed
 * @param report how it ended, as far as this application can tell (see {@link WorkerWatch})
 * @param replacedBy id of the worker that replaced it, or {@code null} while its replacement is not up
 */
public record LostWorker(int id, long pid, long eventsDone, Instant lostAt, String report, @Nullable Integer replacedBy) {

    LostWorker replacedBy(int replacement) {
        return new LostWorker(this.id, this.pid, this.eventsDone, this.lostAt, this.report, replacement);
    }

    LostWorker withReport(String betterReport) {
        return new LostWorker(this.id, this.pid, this.eventsDone, this.lostAt, betterReport, this.replacedBy);
    }
}
