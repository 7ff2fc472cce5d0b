package io.github.mpeventloop.sample.fractal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventResult;

/**
 * Starts renders, keeps the running ones by id, routes tile results to them and cancels them.
 * Results are handed to the renders on the application's task executor, off the loop's threads.
 */
@Service
public class FractalRenderer {

    private final EventLoop loop;
    private final FractalProperties settings;
    private final Executor executor;
    private final Map<String, RenderJob> running = new ConcurrentHashMap<>();

    FractalRenderer(EventLoop loop, FractalProperties settings, @Qualifier("applicationTaskExecutor") Executor executor) {
        this.loop = loop;
        this.settings = settings;
        this.executor = executor;
    }

    /** The settings renders use. */
    public FractalProperties settings() {
        return this.settings;
    }

    /**
     * Starts rendering {@code view}, split into the configured grid of tiles.
     *
     * @return the render's id
     */
    public String start(Viewport view, RenderListener listener) {
        String id = UUID.randomUUID().toString();
        RenderJob job = new RenderJob(id, this.loop, this.settings,
                TileGrid.split(view, this.settings.columns(), this.settings.rows()), listener,
                ended -> this.running.remove(ended.id(), ended), this.executor);
        this.running.put(id, job);
        job.start(view);
        return id;
    }

    /**
     * Cancels a running render.
     *
     * @return whether a render of that id was running
     */
    public boolean cancel(String renderId) {
        return Optional.ofNullable(this.running.get(renderId)).map(RenderJob::cancel).orElse(false);
    }

    /** Number of renders in progress. */
    public int running() {
        return this.running.size();
    }

    /** Hands a tile's result to its render, if it still runs. */
    void deliver(TileKey key, EventResult<?> result) {
        RenderJob job = this.running.get(key.renderId());
        if (job != null) {
            this.executor.execute(() -> job.answered(key.index(), result));
        }
    }
}
