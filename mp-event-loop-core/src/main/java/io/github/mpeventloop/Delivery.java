package io.github.mpeventloop;

/**
 * One result on its way to a loop's handlers, and what to do once they ran: mark the event
 * finished, or, for an item of a stream, count the item as consumed (which may give the worker more
 * credit; the stream's end finishes the event).
 */
record Delivery(EventResult<?> result, HandlerChain handlers, Runnable afterwards) implements Runnable {

    @Override
    public void run() {
        try {
            handlers.deliver(result);
        } finally {
            afterwards.run();
        }
    }
}
