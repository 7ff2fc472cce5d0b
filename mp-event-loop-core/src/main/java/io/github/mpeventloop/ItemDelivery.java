package io.github.mpeventloop;

/**
 * One item of a stream on its way to a loop's handlers. Unlike a {@link Delivery} it does not
 * finish its event (the stream's end does); once the handlers ran, it counts the item as consumed,
 * which may give the worker more credit.
 */
record ItemDelivery(EventResult<?> result, HandlerChain handlers, StreamState stream) implements Runnable {

    @Override
    public void run() {
        try {
            handlers.deliver(result);
        } finally {
            stream.handled();
        }
    }
}
