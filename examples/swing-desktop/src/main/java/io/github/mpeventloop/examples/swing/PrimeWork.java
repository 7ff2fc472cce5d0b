package io.github.mpeventloop.examples.swing;

/** The work the window sends to the workers: counting the primes of one slice of the numbers. */
public final class PrimeWork {

    private PrimeWork() {
    }

    /**
     * Counts the primes in {@code [from, to)} by trial division, in the worker JVM that runs it.
     *
     * @param from the first number of the slice
     * @param to the end of the slice, excluded
     * @return the count, with the pid of the JVM that counted it
     */
    public static SliceCount countPrimes(long from, long to) {
        long count = 0;
        for (long n = Math.max(2, from); n < to; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return new SliceCount(from, to, count, ProcessHandle.current().pid());
    }

    static boolean isPrime(long n) {
        for (long divisor = 2; divisor * divisor <= n; divisor++) {
            if (n % divisor == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The primes of one slice.
     *
     * @param from the first number of the slice
     * @param to the end of the slice, excluded
     * @param primes how many primes it holds
     * @param workerPid pid of the worker JVM that counted them
     */
    public record SliceCount(long from, long to, long primes, long workerPid) {
    }
}
