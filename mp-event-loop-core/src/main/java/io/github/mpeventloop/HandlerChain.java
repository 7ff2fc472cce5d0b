package io.github.mpeventloop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loop's output handlers, in order. Adding a handler twice keeps one; inserting moves a handler
 * that is already there. Delivery stops at the first handler that returns {@code true}; a handler
 * that throws is logged with the event's id and key, and the next handlers still run.
 */
final class HandlerChain {

    private static final Logger LOG = LoggerFactory.getLogger(HandlerChain.class);

    private final CopyOnWriteArrayList<ResultHandler> handlers = new CopyOnWriteArrayList<>();

    synchronized void add(ResultHandler handler) {
        handlers.addIfAbsent(handler);
    }

    synchronized void insert(int index, ResultHandler handler) {
        handlers.remove(handler);
        handlers.add(Math.max(0, Math.min(index, handlers.size())), handler);
    }

    boolean remove(ResultHandler handler) {
        return handlers.remove(handler);
    }

    List<ResultHandler> handlers() {
        return List.copyOf(handlers);
    }

    void deliver(EventResult<?> result) {
        for (ResultHandler handler : handlers) {
            try {
                if (handler.handle(result)) {
                    return;
                }
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                LOG.error("Output handler {} failed on event {} (key {}); the next handlers and events go on",
                        handler, result.eventId(), result.eventKey(), e);
            }
        }
    }
}
