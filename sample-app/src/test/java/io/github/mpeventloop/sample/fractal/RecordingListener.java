package io.github.mpeventloop.sample.fractal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A render listener that keeps what it is told, for tests. */
final class RecordingListener implements RenderListener {

    final CompletableFuture<RenderStarted> started = new CompletableFuture<>();
    final List<TileRendered> rendered = new CopyOnWriteArrayList<>();
    final List<TileFailed> failed = new CopyOnWriteArrayList<>();
    final CompletableFuture<RenderSummary> ended = new CompletableFuture<>();
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void started(RenderStarted started) {
        this.calls.add("started");
        this.started.complete(started);
    }

    @Override
    public void tileRendered(TileRendered tile) {
        this.calls.add("tile");
        this.rendered.add(tile);
    }

    @Override
    public void tileFailed(TileFailed tile) {
        this.calls.add("tile-failed");
        this.failed.add(tile);
    }

    @Override
    public void ended(RenderSummary summary) {
        this.calls.add("ended");
        this.ended.complete(summary);
    }
}
