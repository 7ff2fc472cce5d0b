package io.github.mpeventloop;

/** One result on its way to a loop's handlers; marks the event finished once they ran. */
record Delivery(EventResult<?> result, HandlerChain handlers, IdleTracker tracker) implements Runnable {

    @Override
    public void run() {
        try {
            handlers.deliver(result);
        } finally {
            tracker.done();
        }
    }
}
