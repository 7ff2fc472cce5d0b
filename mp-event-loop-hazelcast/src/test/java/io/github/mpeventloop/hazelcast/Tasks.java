package io.github.mpeventloop.hazelcast;

/** Targets of the tests: static methods on the members' class path. */
public final class Tasks {

    private Tasks() {
    }

    public static int addVals(int value, int value2) {
        return value + value2;
    }

    public static long square(long value) {
        return value * value;
    }

    /** Squares after a short pause, so that events are still in flight when a member is killed. */
    public static long slowSquare(long value) throws InterruptedException {
        Thread.sleep(2);
        return value * value;
    }

    public static long pid() {
        return ProcessHandle.current().pid();
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
