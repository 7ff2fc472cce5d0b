package io.github.mpeventloop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * The bounded queue of events accepted but not yet sent to a worker. Producers wait for room (or
 * give up after their timeout); the dispatcher takes from the head and can put events back there;
 * {@link #removeAll()} hands back what is left when the loop stops. Every addition is reported to the
 * dispatcher.
 */
final class EventQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<PendingEvent> items = new ArrayDeque<>();
    private final int capacity;
    private final Runnable onAdd;

    EventQueue(int capacity, Runnable onAdd) {
        this.capacity = capacity;
        this.onAdd = onAdd;
    }

    /** Adds at the tail, waiting up to {@code timeoutNanos} for room; false if there was none. */
    boolean offer(PendingEvent event, long timeoutNanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long remaining = timeoutNanos;
            while (items.size() >= capacity) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = notFull.awaitNanos(remaining);
            }
            items.addLast(event);
        } finally {
            lock.unlock();
        }
        onAdd.run();
        return true;
    }

    /** Takes the head without waiting. */
    @Nullable PendingEvent poll() {
        lock.lock();
        try {
            PendingEvent head = items.pollFirst();
            if (head != null) {
                notFull.signal();
            }
            return head;
        } finally {
            lock.unlock();
        }
    }

    /** Moves up to {@code max} events that are on no cached object from the head to {@code into}. */
    void drainUnpinnedTo(List<PendingEvent> into, int max) {
        lock.lock();
        try {
            int moved = 0;
            while (moved < max && !items.isEmpty() && items.peekFirst().pins.isEmpty()) {
                into.add(items.pollFirst());
                moved++;
            }
            if (moved > 0) {
                notFull.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Puts an event back at the head, beyond the capacity if need be: it was accepted already. */
    void pushFront(PendingEvent event) {
        lock.lock();
        try {
            items.addFirst(event);
        } finally {
            lock.unlock();
        }
        onAdd.run();
    }

    /** Takes one event out of the queue (a cancelled stream not yet sent); false if it is not there. */
    boolean remove(PendingEvent event) {
        lock.lock();
        try {
            boolean removed = items.remove(event);
            if (removed) {
                notFull.signal();
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }

    /** Empties the queue, returning what it held in order. */
    List<PendingEvent> removeAll() {
        lock.lock();
        try {
            List<PendingEvent> all = new ArrayList<>(items);
            items.clear();
            notFull.signalAll();
            return all;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        return size() == 0;
    }
}
