package io.github.mpeventloop.internal.worker;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.process.WorkerProcessContract;

/**
 * Which worker the current thread serves: the worker loop marks its threads, and the public
 * {@link io.github.mpeventloop.worker.WorkerContext} reads the marks.
 */
public final class CurrentWorker {

    private static final ThreadLocal<Integer> THREAD_WORKER = new ThreadLocal<>();
    private static final ThreadLocal<WorkerObjects> OBJECTS = new ThreadLocal<>();

    private CurrentWorker() {
    }

    static void enter(int workerId, WorkerObjects objects) {
        THREAD_WORKER.set(workerId);
        OBJECTS.set(objects);
    }

    /** The id of the worker whose loop runs this thread, or {@code null}. */
    public static @Nullable Integer threadWorkerId() {
        return THREAD_WORKER.get();
    }

    /** How many cached objects and proxies' objects the worker running this thread holds; 0 outside a worker. */
    public static int cachedObjectCount() {
        WorkerObjects objects = OBJECTS.get();
        return objects == null ? 0 : objects.cachedCount();
    }

    /** Whether this JVM is a worker process (not a worker thread of the parent). */
    public static boolean isWorkerProcess() {
        return System.getProperty(WorkerProcessContract.WORKER_ID_PROPERTY) != null;
    }
}
