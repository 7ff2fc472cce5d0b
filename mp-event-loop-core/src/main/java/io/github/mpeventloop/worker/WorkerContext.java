package io.github.mpeventloop.worker;

import java.util.OptionalInt;

import io.github.mpeventloop.internal.process.WorkerProcessContract;
import io.github.mpeventloop.internal.worker.CurrentWorker;

/**
 * Tells code whether it runs inside a worker, and which. A worker JVM carries the system property
 * {@value #WORKER_ID_PROPERTY}; a worker thread
 * is marked on the thread itself. A worker must never start an event loop of its own.
 */
public final class WorkerContext {

    /** System property that marks a worker JVM; its value is the worker's id. */
    public static final String WORKER_ID_PROPERTY = WorkerProcessContract.WORKER_ID_PROPERTY;

    private WorkerContext() {
    }

    /** The id of the worker this code runs in, if it runs in one. */
    public static OptionalInt workerId() {
        Integer id = CurrentWorker.threadWorkerId();
        if (id != null) {
            return OptionalInt.of(id);
        }
        String property = System.getProperty(WORKER_ID_PROPERTY);
        if (property != null) {
            try {
                return OptionalInt.of(Integer.parseInt(property));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    /** How many cached objects and proxies' objects the worker running this code holds; 0 outside a worker. */
    public static int cachedObjectCount() {
        return CurrentWorker.cachedObjectCount();
    }

    /** Whether this code runs in a worker JVM (not in a worker thread of the parent). */
    public static boolean isWorkerProcess() {
        return CurrentWorker.isWorkerProcess();
    }
}
