package io.github.mpeventloop.sample.fractal;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams a render to the browser as Server-Sent Events named {@code started}, {@code tile},
 * {@code tile-failed} and {@code ended}, each carrying a JSON document; completes the stream after
 * {@code ended}. When the browser has gone, it stops sending and reports itself closed.
 */
final class SseRenderListener implements RenderListener {

    private final SseEmitter emitter;
    private volatile boolean open = true;

    SseRenderListener(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void started(RenderStarted started) {
        send("started", started);
    }

    @Override
    public void tileRendered(TileRendered tile) {
        send("tile", tile);
    }

    @Override
    public void tileFailed(TileFailed tile) {
        send("tile-failed", tile);
    }

    @Override
    public void ended(RenderSummary summary) {
        send("ended", summary);
        if (this.open) {
            this.emitter.complete();
        }
    }

    @Override
    public boolean isOpen() {
        return this.open;
    }

    /** Marks the stream closed, when the browser went away or the stream timed out. */
    void close() {
        this.open = false;
    }

    private void send(String name, Object data) {
        if (!this.open) {
            return;
        }
        try {
            this.emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException ex) { // the browser went away, or the stream is over
            this.open = false;
        }
    }
}
