package io.github.mpeventloop.sample.fractal;

/**
 * A finished tile, as the page receives it.
 *
 * @param index the tile's index
 * @param x column of its left pixel
 * @param y row of its top pixel
 * @param width its width in pixels
 * @param height its height in pixels
 * @param iterations iteration count of each pixel, row by row
 * @param workerPid process id of the worker JVM that computed it
 * @param workerId id of that worker within the loop
 * @param attempts times the tile was sent to a worker: 2 when its first worker died under it
 * @param computeMillis time the worker spent computing it
 */
public record TileRendered(int index, int x, int y, int width, int height, int[] iterations, long workerPid,
        int workerId, int attempts, long computeMillis) {

    static TileRendered of(TileSpec tile, TilePixels pixels, int workerId, int attempts) {
        return new TileRendered(tile.index(), tile.x(), tile.y(), tile.width(), tile.height(), pixels.iterations(),
                pixels.workerPid(), workerId, attempts, pixels.nanos() / 1_000_000);
    }
}
