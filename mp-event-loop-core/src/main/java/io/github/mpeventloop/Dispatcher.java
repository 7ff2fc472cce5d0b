package io.github.mpeventloop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that moves events from the queue to workers. An ordinary event goes to the worker
 * with room that holds the fewest events ({@link #leastBusy}), together with as many queued events
 * as that worker's window allows and its even share of the work allows ({@link #fairShare}); an
 * event on a cached object or proxy goes to the worker that holds the object, in submission order,
 * waiting in that worker's own backlog while it is full, so that it holds back nobody else. Frames
 * are flushed whenever the dispatcher is about to sleep, so events travel in batches under load
 * and at once when alone.
 */
final class Dispatcher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int FLUSH_BYTES = 64 << 10;

    /** What the dispatcher needs from its loop. */
    interface Loop {
        boolean dispatching();

        List<WorkerSession> sessions();

        /** Ends an event that cannot be dispatched. */
        void fail(PendingEvent event, RuntimeException error);

        /** Ends a plain event its caller cancelled before it was sent. */
        void cancelled(PendingEvent event);

        /** The event that builds a lost object again, if it can be rebuilt; {@code null} otherwise. */
        @Nullable PendingEvent rebuild(ObjectHandle handle);

        /** Tells workers to release the objects their callers dropped. */
        void releaseDropped();

        /** An event was handed to a worker's session. */
        void dispatched(PendingEvent event);
    }

    private final EventQueue queue;
    private final Loop loop;
    private final DispatchSignal signal;
    private final Map<WorkerSession, ArrayDeque<PendingEvent>> backlogs = new HashMap<>();
    private final List<PendingEvent> batch = new ArrayList<>();
    /** Held while events are placed on workers, by the dispatcher or by a submitting thread. */
    private final ReentrantLock placing = new ReentrantLock();

    Dispatcher(EventQueue queue, Loop loop, DispatchSignal signal) {
        this.queue = queue;
        this.loop = loop;
        this.signal = signal;
    }

    @Override
    public void run() {
        try {
            while (loop.dispatching()) {
                if (!step()) {
                    flushAll();
                    signal.sleepUnless(() -> !loop.dispatching() || canProgress(), () -> !queue.isEmpty(),
                            () -> !backlogs.isEmpty());
                }
            }
        } catch (InterruptedException e) {
            LOG.debug("dispatcher interrupted");
        } finally {
            placing.lock();
            try {
                returnBacklogs();
                flushAll();
            } finally {
                placing.unlock();
            }
        }
    }

    /** One turn: releases of dropped objects, the workers' backlogs, the queue's head; false if nothing moved. */
    boolean step() {
        loop.releaseDropped();
        placing.lock();
        try {
            boolean progress = serveBacklogs();
            progress |= dispatchHead();
            return progress;
        } finally {
            placing.unlock();
        }
    }

    /**
     * Sends a lone event on no cached object from the submitting thread, and flushes it: only when
     * nothing is queued or waits in a backlog, and a worker with room holds no event (under load
     * events go through the queue and travel in batches). False if it must be queued instead. Once
     * the dispatcher has ended (it takes the lock on its way out), none is sent this way any more.
     */
    boolean sendAtOnce(PendingEvent event) {
        if (!event.pins.isEmpty() || placing.isHeldByCurrentThread() || !placing.tryLock()) {
            return false;
        }
        WorkerSession session;
        try {
            if (!loop.dispatching() || !backlogs.isEmpty() || !queue.isEmpty()) {
                return false;
            }
            session = idle();
            if (session == null) {
                return false;
            }
            send(session, event);
        } finally {
            placing.unlock();
        }
        session.flush();
        return true;
    }

    private boolean canProgress() {
        for (Map.Entry<WorkerSession, ArrayDeque<PendingEvent>> backlog : backlogs.entrySet()) {
            if (!backlog.getValue().isEmpty() && backlog.getKey().freeSlots() > 0) {
                return true;
            }
        }
        return !queue.isEmpty() && leastBusy() != null;
    }

    private boolean serveBacklogs() {
        boolean progress = false;
        for (Map.Entry<WorkerSession, ArrayDeque<PendingEvent>> entry : backlogs.entrySet()) {
            WorkerSession session = entry.getKey();
            ArrayDeque<PendingEvent> backlog = entry.getValue();
            while (!backlog.isEmpty() && session.freeSlots() > 0) {
                send(session, backlog.pollFirst());
                progress = true;
            }
        }
        backlogs.values().removeIf(ArrayDeque::isEmpty);
        return progress;
    }

    private boolean dispatchHead() {
        PendingEvent head = queue.poll();
        if (head == null) {
            return false;
        }
        if (!head.pins.isEmpty()) {
            return dispatchPinned(head);
        }
        WorkerSession session = leastBusy();
        if (session == null) {
            queue.pushFront(head);
            return false;
        }
        batch.clear();
        batch.add(head);
        queue.drainUnpinnedTo(batch, Math.min(session.freeSlots(), fairShare(session)) - 1);
        for (PendingEvent event : batch) {
            send(session, event);
        }
        return true;
    }

    /**
     * The most events {@code session} takes in this turn (at least one): what it lacks of an even
     * share, among the workers with room, of the events they hold and those queued. A window sized by
     * trivial events is wide; without a share, a burst of long events queued at once would wait in
     * the first worker's window while another worker idled, until answers narrowed it.
     */
    private int fairShare(WorkerSession session) {
        int withRoom = 0;
        long total = queue.size() + 1;
        for (WorkerSession candidate : loop.sessions()) {
            if (candidate.freeSlots() > 0) {
                withRoom++;
                total += candidate.held();
            }
        }
        long share = (total + withRoom - 1) / Math.max(1, withRoom);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, share - session.held()));
    }

    /** Sends an event on cached objects to their worker, choosing one if none holds them yet. */
    private boolean dispatchPinned(PendingEvent event) {
        WorkerSession holder = null;
        for (ObjectHandle handle : event.pins) {
            if (handle.lostBecause() != null) {
                PendingEvent creation = loop.rebuild(handle);
                if (creation != null) {
                    queue.pushFront(event);
                    queue.pushFront(creation);
                } else {
                    loop.fail(event, handle.lostError());
                }
                return true;
            }
            WorkerSession placed = handle.holder();
            if (placed != null && holder != null && placed != holder) {
                loop.fail(event, new IllegalStateException("cached objects " + event.pins
                        + " live in different workers; an event can only use objects of one worker"));
                return true;
            }
            if (placed != null) {
                holder = placed;
            }
        }
        if (holder == null) {
            holder = fewestObjects();
            if (holder == null) {
                queue.pushFront(event);
                return false;
            }
        }
        for (ObjectHandle handle : event.pins) {
            if (handle.holder() == null) {
                handle.placeOn(holder);
                holder.objectPlaced();
            }
        }
        ArrayDeque<PendingEvent> backlog = backlogs.get(holder);
        if ((backlog == null || backlog.isEmpty()) && holder.freeSlots() > 0) {
            send(holder, event);
        } else {
            backlogs.computeIfAbsent(holder, session -> new ArrayDeque<>()).addLast(event);
        }
        return true;
    }

    private void send(WorkerSession session, PendingEvent event) {
        if (event.cancelRequested && event.isPlain()) {
            loop.cancelled(event);
            return;
        }
        if (!session.send(event)) {
            if (event.pins.isEmpty()) {
                queue.pushFront(event);
            } else {
                loop.fail(event, new CachedObjectLostException("cached objects " + event.pins + " were lost: worker "
                        + session.id() + ", which held them, is gone"));
            }
            return;
        }
        loop.dispatched(event);
        if (session.buffered() >= FLUSH_BYTES) {
            session.flush();
        }
    }

    /**
     * The worker with room that holds the fewest events, the one with the most room among equals: an
     * idle worker is chosen over a busy one whose window trivial events had widened, which would
     * otherwise take the event behind the one it runs.
     */
    private @Nullable WorkerSession leastBusy() {
        WorkerSession best = null;
        int bestRoom = 0;
        for (WorkerSession session : loop.sessions()) {
            int room = session.freeSlots();
            if (room > 0 && (best == null || session.held() < best.held()
                    || session.held() == best.held() && room > bestRoom)) {
                best = session;
                bestRoom = room;
            }
        }
        return best;
    }

    /**
     * Where a new cached object goes: the accepting worker that holds the fewest objects, the one
     * with more room among equals. Placement looks at objects held, not at free slots of the moment:
     * a busy worker's events wait in its backlog, and objects cached at once spread evenly.
     */
    private @Nullable WorkerSession fewestObjects() {
        WorkerSession best = null;
        for (WorkerSession session : loop.sessions()) {
            if (!session.isAccepting()) {
                continue;
            }
            if (best == null || session.objectCount() < best.objectCount()
                    || session.objectCount() == best.objectCount() && session.freeSlots() > best.freeSlots()) {
                best = session;
            }
        }
        return best;
    }

    /** A worker with room that holds no event, or null. */
    private @Nullable WorkerSession idle() {
        for (WorkerSession session : loop.sessions()) {
            if (session.held() == 0 && session.freeSlots() > 0) {
                return session;
            }
        }
        return null;
    }

    private void flushAll() {
        for (WorkerSession session : loop.sessions()) {
            if (session.buffered() > 0) {
                session.flush();
            }
        }
    }

    /** On the way out, events waiting in backlogs go back to the head of the queue, in order. */
    private void returnBacklogs() {
        List<PendingEvent> waiting = new ArrayList<>();
        backlogs.values().forEach(waiting::addAll);
        backlogs.clear();
        waiting.sort(Comparator.comparingLong(event -> event.id));
        for (int i = waiting.size() - 1; i >= 0; i--) {
            queue.pushFront(waiting.get(i));
        }
    }
}
