package io.github.mpeventloop.internal.process;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the JVM-exit safety net asks before it ends worker processes: whether the loops that own
 * them are being closed, or will be, by their owners (their {@code close()}, {@code stop()}, or an
 * application lifecycle that stops them when the JVM exits). The safety net waits for those, each
 * within its grace, and only then ends the workers that are left: those of loops nobody closes.
 */
public final class ExitGuard {

    /** A loop as the safety net sees it. */
    public interface Owner {

        /** How long to wait for this owner to end its workers itself; zero if nobody will. */
        Duration closingGrace();

        /** Waits up to {@code nanos} for the owner to have ended its workers; true if it has. */
        boolean awaitClosed(long nanos) throws InterruptedException;
    }

    private static final Set<Owner> OWNERS = ConcurrentHashMap.newKeySet();

    private ExitGuard() {
    }

    public static void register(Owner owner) {
        OWNERS.add(owner);
    }

    public static void unregister(Owner owner) {
        OWNERS.remove(owner);
    }

    /** Waits for every owner that closes, or will close, its loop, each up to its grace from now. */
    public static void awaitOwners() {
        long start = System.nanoTime();
        for (Owner owner : List.copyOf(OWNERS)) {
            long grace = owner.closingGrace().toNanos();
            long left = start + grace - System.nanoTime();
            if (grace <= 0 || left <= 0) {
                continue;
            }
            try {
                owner.awaitClosed(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
