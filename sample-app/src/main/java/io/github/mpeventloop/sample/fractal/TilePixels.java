package io.github.mpeventloop.sample.fractal;

/**
 * What a worker sends back for a tile: the iteration count of every pixel, row by row (a count
 * equal to the view's {@code maxIterations} means the point did not escape), the worker's pid and
 * how long the tile took to compute there.
 *
 * @param iterations iteration counts, {@code width * height} of them, row by row
 * @param workerPid process id of the JVM that computed the tile
 * @param nanos time the computation took in that JVM
 */
public record TilePixels(int[] iterations, long workerPid, long nanos) {
}
