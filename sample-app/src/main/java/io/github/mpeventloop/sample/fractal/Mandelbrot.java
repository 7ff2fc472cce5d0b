package io.github.mpeventloop.sample.fractal;

import io.github.mpeventloop.sample.crash.Crash;

/**
 * The work each tile event does in a worker JVM: the escape-time algorithm over the pixels of a
 * tile. Plain static code, so that the worker needs nothing but this class and its arguments.
 */
public final class Mandelbrot {

    /** The classic escape radius, 2, squared. */
    public static final double ESCAPE_RADIUS_SQUARED = 4.0;

    private Mandelbrot() {
    }

    /** Computes a tile: the target of the tile events. */
    public static TilePixels renderTile(TileSpec tile) {
        long start = System.nanoTime();
        int[] iterations = iterations(tile);
        return new TilePixels(iterations, ProcessHandle.current().pid(), System.nanoTime() - start);
    }

    /**
     * Iteration counts of the tile's pixels, row by row: for each pixel, the mean escape time of its
     * {@code samples x samples} points, rounded down; {@code maxIterations} when none escapes.
     * Halfway through the rows it passes a {@link Crash#checkpoint()}, where an armed crash halts the
     * worker in the middle of the tile.
     */
    public static int[] iterations(TileSpec tile) {
        return iterations(tile, ESCAPE_RADIUS_SQUARED);
    }

    /** {@link #iterations(TileSpec)}, a point escaping once {@code |z|^2} exceeds {@code escapeRadiusSquared}. */
    public static int[] iterations(TileSpec tile, double escapeRadiusSquared) {
        Viewport view = tile.view();
        int samples = view.samples();
        int[] counts = new int[tile.width() * tile.height()];
        for (int row = 0; row < tile.height(); row++) {
            if (row == tile.height() / 2) {
                Crash.checkpoint();
            }
            for (int column = 0; column < tile.width(); column++) {
                long sum = 0;
                for (int sy = 0; sy < samples; sy++) {
                    double im = view.im(tile.y() + row + (sy + 0.5) / samples);
                    for (int sx = 0; sx < samples; sx++) {
                        sum += escapeTime(view.re(tile.x() + column + (sx + 0.5) / samples), im, view.maxIterations(),
                                escapeRadiusSquared);
                    }
                }
                counts[row * tile.width() + column] = (int) (sum / (samples * samples));
            }
        }
        return counts;
    }

    /**
     * Iterations of {@code z -> z*z + c} from {@code z = 0} until {@code |z| > 2}, for
     * {@code c = re + im*i}; {@code maxIterations} if it never escapes within that many.
     */
    public static int escapeTime(double re, double im, int maxIterations) {
        return escapeTime(re, im, maxIterations, ESCAPE_RADIUS_SQUARED);
    }

    /** {@link #escapeTime(double, double, int)} with an escape radius of {@code sqrt(escapeRadiusSquared)}. */
    public static int escapeTime(double re, double im, int maxIterations, double escapeRadiusSquared) {
        double zr = 0;
        double zi = 0;
        int n = 0;
        while (n < maxIterations) {
            double zr2 = zr * zr;
            double zi2 = zi * zi;
            if (zr2 + zi2 > escapeRadiusSquared) {
                break;
            }
            zi = 2 * zr * zi + im;
            zr = zr2 - zi2 + re;
            n++;
        }
        return n;
    }
}
