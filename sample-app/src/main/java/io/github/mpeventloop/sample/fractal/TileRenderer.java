package io.github.mpeventloop.sample.fractal;

/**
 * The bean that computes tiles, in the workers' Spring contexts ({@link TileWorkerConfiguration}):
 * tile events name its {@link #render(TileSpec)} as a bean target, so that only the tile travels
 * and the renderer's settings come from the worker's own {@code application.yml}.
 */
public class TileRenderer {

    private final double escapeRadiusSquared;

    public TileRenderer(TileRendererProperties settings) {
        this.escapeRadiusSquared = settings.escapeRadius() * settings.escapeRadius();
    }

    /** Computes a tile: the target of the tile events. */
    public TilePixels render(TileSpec tile) {
        long start = System.nanoTime();
        int[] iterations = Mandelbrot.iterations(tile, this.escapeRadiusSquared);
        return new TilePixels(iterations, ProcessHandle.current().pid(), System.nanoTime() - start);
    }
}
