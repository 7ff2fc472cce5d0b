package io.github.mpeventloop;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that moves events from the queue to workers: it takes the head, waits for the worker
 * with the most room, gives it as many queued events as its window allows, and flushes whenever it
 * is about to wait, so that events travel in batches under load and at once when alone.
 */
final class Dispatcher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int FLUSH_BYTES = 64 << 10;

    private final EventQueue queue;
    private final WorkerPool pool;

    Dispatcher(EventQueue queue, WorkerPool pool) {
        this.queue = queue;
        this.pool = pool;
    }

    @Override
    public void run() {
        List<PendingEvent> batch = new ArrayList<>();
        PendingEvent first = null;
        try {
            while (true) {
                first = queue.poll();
                if (first == null) {
                    pool.flushAll();
                    first = queue.take();
                    if (first == null) {
                        return;
                    }
                }
                WorkerSession session = pool.awaitCapacity();
                if (session == null) {
                    return;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, session.freeSlots() - 1);
                first = null;
                for (PendingEvent event : batch) {
                    session.send(event);
                }
                if (session.buffered() >= FLUSH_BYTES) {
                    session.flush();
                }
            }
        } catch (InterruptedException e) {
            LOG.debug("dispatcher interrupted");
        } finally {
            if (first != null) {
                queue.pushFront(first);
            }
            pool.flushAll();
        }
    }
}
