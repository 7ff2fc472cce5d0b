package io.github.mpeventloop.internal.worker;

import org.jspecify.annotations.Nullable;

/**
 * One active stream in the worker. Each step sends one item and goes to the back of the
 * scheduler's queue, so that streams advance round-robin and calls queued behind them wait at
 * most one item per stream. A stream sends only as many items as the parent gave it credit for; out
 * of credit (or waiting for a publisher) it is parked, and a {@code credit} frame (or the
 * publisher) puts it back in the queue. A {@code cancel} frame closes the producer and answers
 * {@code end} with how many items were sent. Event thread only, apart from {@link #wakeUp()}.
 */
final class StreamTask implements Runnable {

    /** Where a stream task reports to. */
    interface Host {
        void schedule(Runnable task);

        void post(Runnable task);

        void ended(StreamTask task);
    }

    private final long id;
    private final boolean output;
    private final long startNanos;
    private final Answers answers;
    private final Host host;
    private @Nullable ItemSource source;
    private long credit;
    private long items;
    private boolean queued;
    private boolean finished;

    StreamTask(long id, boolean output, long startNanos, long credit, Answers answers, Host host) {
        this.id = id;
        this.output = output;
        this.startNanos = startNanos;
        this.credit = credit;
        this.answers = answers;
        this.host = host;
    }

    long id() {
        return id;
    }

    /** Starts the stream on the target's result; a result that is no stream is answered as an error. */
    void start(@Nullable Object result) {
        try {
            source = ItemSource.of(result, this::wakeUp);
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        queue();
    }

    /** From any thread: a publisher has something ready. */
    private void wakeUp() {
        host.post(this::queue);
    }

    private void queue() {
        if (!finished && !queued && credit > 0) {
            queued = true;
            host.schedule(this);
        }
    }

    /** A {@code credit} frame: the parent's consumer took items. */
    void credit(long more) {
        credit += more;
        queue();
    }

    /** A {@code cancel} frame: stop the producer and report how far it got. */
    void cancel() {
        if (finished) {
            return;
        }
        finish();
        answers.end(id, System.nanoTime() - startNanos, items, true);
    }

    @Override
    public void run() {
        queued = false;
        if (finished || credit <= 0) {
            return;
        }
        Object item;
        try {
            item = source.poll();
        } catch (Throwable e) {
            fail(e);
            return;
        }
        if (item == ItemSource.NOT_READY) {
            return;
        }
        if (item == ItemSource.END) {
            finish();
            answers.end(id, System.nanoTime() - startNanos, items, false);
            return;
        }
        Throwable unsendable = answers.item(id, items, output, item);
        if (unsendable != null) {
            fail(unsendable);
            return;
        }
        items++;
        credit--;
        queue();
    }

    private void fail(Throwable failure) {
        finish();
        answers.error(id, System.nanoTime() - startNanos, failure, items);
    }

    private void finish() {
        finished = true;
        if (source != null) {
            source.close();
        }
        host.ended(this);
    }
}
