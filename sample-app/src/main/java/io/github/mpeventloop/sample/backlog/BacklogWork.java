package io.github.mpeventloop.sample.backlog;

/** The work of one backlog event: about {@code millis} of waiting in a worker. */
public final class BacklogWork {

    private BacklogWork() {
    }

    public static int pause(int index, int millis) throws InterruptedException {
        Thread.sleep(millis);
        return index;
    }
}
