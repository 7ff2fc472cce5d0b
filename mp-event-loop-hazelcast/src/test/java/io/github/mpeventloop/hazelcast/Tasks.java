package io.github.mpeventloop.hazelcast;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Targets of the tests: static methods on the members' class path. */
public final class Tasks {

    private static final Map<String, CompletableFuture<Void>> GATES = new ConcurrentHashMap<>();

    private Tasks() {
    }

    public static int addVals(int value, int value2) {
        return value + value2;
    }

    public static long square(long value) {
        return value * value;
    }

    /**
     * Squares; from {@code gateFrom} on, only once the file {@code gate} exists, so that a test can
     * hold events in flight in the members until it opens the gate.
     */
    public static long gatedSquare(long value, long gateFrom, String gate) throws InterruptedException {
        if (value >= gateFrom) {
            awaitGate(gate);
        }
        return value * value;
    }

    /**
     * The square of {@code value}, completed once the file {@code gate} exists; the worker's thread is
     * free meanwhile, so that a test can hold any number of events in flight in one member.
     */
    public static CompletableFuture<Long> squareBehindGate(long value, String gate) {
        return GATES.computeIfAbsent(gate, Tasks::opening).thenApply(opened -> value * value);
    }

    /** One thread per gate waits for its file. */
    private static CompletableFuture<Void> opening(String gate) {
        CompletableFuture<Void> opened = new CompletableFuture<>();
        Thread watcher = new Thread(() -> {
            try {
                awaitGate(gate);
                opened.complete(null);
            } catch (InterruptedException e) {
                opened.completeExceptionally(e);
            }
        }, "gate-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return opened;
    }

    /** Returns once the file {@code gate} exists: it waits for a condition the test sets, no timing is assumed. */
    private static void awaitGate(String gate) throws InterruptedException {
        Path path = Path.of(gate);
        while (!Files.exists(path)) {
            Thread.sleep(5);
        }
    }

    public static long pid() {
        return ProcessHandle.current().pid();
    }

    /** Sleeps; a test's timeout ends it before it returns. */
    public static long sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return millis;
    }

    /** Sleeps in the worker process {@code pid} only; returns the pid of the worker that ran it. */
    public static long sleepOn(long pid, long millis) throws InterruptedException {
        if (ProcessHandle.current().pid() == pid) {
            Thread.sleep(millis);
        }
        return ProcessHandle.current().pid();
    }

    /** A cached object that pins events to the worker holding it, one of which ends that worker's JVM. */
    public static final class Exiter {
        /** The code the worker's JVM exits with. */
        public int code = 7;

        public long pid() {
            return ProcessHandle.current().pid();
        }

        public int exit() {
            System.exit(code);
            return code;
        }
    }

    /** A cached object: its count lives in the member that holds it. */
    public static final class Counter {
        public int count;

        public int increment() {
            return ++count;
        }

        public long pid() {
            return ProcessHandle.current().pid();
        }
    }
}
