package io.github.mpeventloop.sample.fractal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventLoopStoppedException;
import io.github.mpeventloop.EventResult;

/**
 * One render of a picture: hands its tiles to the event loop, a few at a time, collects their
 * results and tells its {@link RenderListener}. Each tile is an event calling
 * {@link TileRenderer#render(TileSpec)} on the {@code TileRenderer} bean of a worker's Spring
 * context (a bean target: only the tile travels), keyed with a {@link TileKey} and allowed to
 * run again when its worker dies. Cancelling stops handing tiles over and cancels the futures of
 * the tiles workers hold; their results are dropped when they arrive.
 *
 * <p>Thread-safe: results arrive on threads of {@code executor} (never on the loop's own threads,
 * since handing a tile over may wait for room in the queue), cancellation on request threads; the
 * listener is called under this job's lock, one call at a time.
 */
final class RenderJob {

    private enum State {
        RUNNING, FINISHED, CANCELLED
    }

    private final String id;
    private final EventLoop loop;
    private final FractalProperties settings;
    private final List<TileSpec> tiles;
    private final RenderListener listener;
    private final Consumer<RenderJob> whenEnded;
    private final Executor executor;
    private final long startNanos = System.nanoTime();
    private final Map<Integer, EventFuture<TilePixels>> inFlight = new LinkedHashMap<>();
    private State state = State.RUNNING;
    private int nextTile;
    private int rendered;
    private int failed;
    private int retried;

    RenderJob(String id, EventLoop loop, FractalProperties settings, List<TileSpec> tiles, RenderListener listener,
            Consumer<RenderJob> whenEnded, Executor executor) {
        this.id = id;
        this.loop = loop;
        this.settings = settings;
        this.tiles = List.copyOf(tiles);
        this.listener = listener;
        this.whenEnded = whenEnded;
        this.executor = executor;
    }

    String id() {
        return this.id;
    }

    /** Tells the listener the render started and hands the first tiles to the loop. */
    synchronized void start(Viewport view) {
        this.listener.started(new RenderStarted(this.id, view, this.tiles.size(), this.settings.columns(),
                this.settings.rows(), this.settings.tileRetries()));
        submitMore();
    }

    /** A tile's result, from the loop's output handlers. */
    synchronized void answered(int index, EventResult<?> result) {
        if (this.state != State.RUNNING || this.inFlight.remove(index) == null) {
            return; // cancelled, or settled already
        }
        TileSpec tile = tile(index);
        if (result.attempts() > 1) {
            this.retried++;
        }
        Throwable error = result.error();
        if (error == null && result.value() instanceof TilePixels pixels) {
            this.rendered++;
            this.listener.tileRendered(TileRendered.of(tile, pixels, result.workerId(), result.attempts()));
        } else {
            this.failed++;
            this.listener.tileFailed(TileFailed.of(tile, result.attempts(),
                    error != null ? error : new IllegalStateException("no pixels in the result")));
        }
        advance();
    }

    /**
     * A tile's future failed without a result reaching the output handlers (the loop stopped
     * before running it).
     */
    synchronized void handedBack(int index, Throwable error) {
        if (this.state != State.RUNNING || this.inFlight.remove(index) == null) {
            return;
        }
        this.failed++;
        this.listener.tileFailed(TileFailed.of(tile(index), 0, error));
        advance();
    }

    /**
     * Cancels the render if it is still running: tiles not handed over are never sent, the futures
     * of those in workers are cancelled and their results will be dropped.
     *
     * @return whether the render was running
     */
    synchronized boolean cancel() {
        if (this.state != State.RUNNING) {
            return false;
        }
        this.state = State.CANCELLED;
        int discarded = this.inFlight.size();
        this.inFlight.values().forEach(future -> future.cancel(false));
        this.inFlight.clear();
        end(RenderSummary.Outcome.CANCELLED, this.tiles.size() - this.nextTile, discarded);
        return true;
    }

    private void advance() {
        if (!this.listener.isOpen()) {
            cancel();
        } else if (this.rendered + this.failed == this.tiles.size()) {
            this.state = State.FINISHED;
            end(RenderSummary.Outcome.FINISHED, 0, 0);
        } else {
            submitMore();
        }
    }

    private void submitMore() {
        while (this.state == State.RUNNING && this.nextTile < this.tiles.size()
                && this.inFlight.size() < this.settings.tilesInFlight()) {
            TileSpec tile = this.tiles.get(this.nextTile++);
            Event<TilePixels> event = Event.onBean(TileRenderer::render, tile)
                .key(new TileKey(this.id, tile.index()))
                .retries(this.settings.tileRetries())
                .timeout(this.settings.tileTimeout());
            EventFuture<TilePixels> future;
            try {
                future = this.loop.addEvent(event);
            } catch (RuntimeException ex) { // refused: the queue stayed full, or the loop is down or stopping
                this.failed++;
                this.listener.tileFailed(TileFailed.of(tile, 0, ex));
                continue;
            }
            this.inFlight.put(tile.index(), future);
            future.whenCompleteAsync((pixels, error) -> {
                if (error instanceof EventLoopStoppedException) {
                    handedBack(tile.index(), error);
                }
            }, this.executor);
        }
        if (this.state == State.RUNNING && this.inFlight.isEmpty() && this.rendered + this.failed == this.tiles.size()) {
            this.state = State.FINISHED;
            end(RenderSummary.Outcome.FINISHED, 0, 0);
        }
    }

    private void end(RenderSummary.Outcome outcome, int notSent, int discarded) {
        long millis = (System.nanoTime() - this.startNanos) / 1_000_000;
        this.listener.ended(new RenderSummary(this.id, outcome, this.tiles.size(), this.rendered, this.failed,
                this.retried, notSent, discarded, millis));
        this.whenEnded.accept(this);
    }

    private TileSpec tile(int index) {
        for (TileSpec tile : this.tiles) {
            if (tile.index() == index) {
                return tile;
            }
        }
        throw new IllegalArgumentException("render " + this.id + " has no tile " + index);
    }
}
