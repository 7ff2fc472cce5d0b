package io.github.mpeventloop.sample;

/**
 * What a worker found counting primes.
 *
 * @param limit the primes counted are at most this
 * @param count how many there are
 * @param largest the largest of them, or 0
 * @param workerPid the process id of the worker JVM that counted them
 * @param millis how long the count took in the worker
 */
public record PrimeReport(int limit, int count, int largest, long workerPid, long millis) {
}
