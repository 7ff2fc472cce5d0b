package io.github.mpeventloop.sample.fractal;

/**
 * Receives the progress of one render, one call at a time: {@link #started}, then a
 * {@link #tileRendered} or {@link #tileFailed} per tile, then {@link #ended} once.
 */
public interface RenderListener {

    /** The render was accepted. */
    void started(RenderStarted started);

    /** A tile came back from its worker. */
    void tileRendered(TileRendered tile);

    /** A tile could not be rendered. */
    void tileFailed(TileFailed tile);

    /** The render finished or was cancelled; no call follows. */
    void ended(RenderSummary summary);

    /** Whether anyone still listens; when not, the render is cancelled. */
    default boolean isOpen() {
        return true;
    }
}
