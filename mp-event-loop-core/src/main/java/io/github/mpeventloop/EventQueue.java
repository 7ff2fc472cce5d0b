package io.github.mpeventloop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * The bounded queue of events accepted but not yet sent to a worker. Producers wait for room (or
 * give up after their timeout); the dispatcher takes from the head and can put an event back
 * there; {@link #removeAll()} hands back what is left when the loop stops.
 */
final class EventQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<PendingEvent> items = new ArrayDeque<>();
    private final int capacity;
    private boolean takingClosed;

    EventQueue(int capacity) {
        this.capacity = capacity;
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
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the head without waiting. */
    @Nullable PendingEvent poll() {
        lock.lock();
        try {
            return takeHead();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the head, waiting for one; {@code null} once taking is closed. */
    @Nullable PendingEvent take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (items.isEmpty() && !takingClosed) {
                notEmpty.await();
            }
            return takingClosed ? null : takeHead();
        } finally {
            lock.unlock();
        }
    }

    private @Nullable PendingEvent takeHead() {
        PendingEvent head = items.pollFirst();
        if (head != null) {
            notFull.signal();
        }
        return head;
    }

    /** Moves up to {@code max} events from the head to {@code into}, without waiting. */
    int drainTo(List<PendingEvent> into, int max) {
        lock.lock();
        try {
            int moved = 0;
            while (moved < max && !items.isEmpty()) {
                into.add(items.pollFirst());
                moved++;
            }
            if (moved > 0) {
                notFull.signalAll();
            }
            return moved;
        } finally {
            lock.unlock();
        }
    }

    /** Puts an event back at the head. */
    void pushFront(PendingEvent event) {
        lock.lock();
        try {
            items.addFirst(event);
            notEmpty.signal();
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

    /** Makes {@link #take()} return {@code null} (stopping) or wait again (starting). */
    void setTakingClosed(boolean closed) {
        lock.lock();
        try {
            takingClosed = closed;
            notEmpty.signalAll();
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
