package io.github.mpeventloop.sample;

/** The work: a sieve of Eratosthenes, run in a worker JVM. */
public final class Primes {

    /** Largest limit accepted: the sieve takes one byte per number. */
    public static final int MAX_LIMIT = 100_000_000;

    private Primes() {
    }

    /** Counts the primes up to {@code limit}. */
    public static PrimeReport count(int limit) {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 0 and " + MAX_LIMIT + ", was " + limit);
        }
        long start = System.nanoTime();
        boolean[] composite = new boolean[limit + 1];
        int count = 0;
        int largest = 0;
        for (int n = 2; n <= limit; n++) {
            if (!composite[n]) {
                count++;
                largest = n;
                for (long multiple = (long) n * n; multiple <= limit; multiple += n) {
                    composite[(int) multiple] = true;
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new PrimeReport(limit, count, largest, ProcessHandle.current().pid(), millis);
    }
}
