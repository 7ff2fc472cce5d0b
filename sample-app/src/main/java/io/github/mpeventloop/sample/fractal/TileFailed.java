package io.github.mpeventloop.sample.fractal;

/**
 * A tile that could not be rendered, as the page receives it.
 *
 * @param index the tile's index
 * @param x column of its left pixel
 * @param y row of its top pixel
 * @param width its width in pixels
 * @param height its height in pixels
 * @param attempts times the tile was sent to a worker (0 when it was never accepted)
 * @param reason why it failed
 */
public record TileFailed(int index, int x, int y, int width, int height, int attempts, String reason) {

    static TileFailed of(TileSpec tile, int attempts, Throwable error) {
        String message = error.getMessage();
        return new TileFailed(tile.index(), tile.x(), tile.y(), tile.width(), tile.height(), attempts,
                error.getClass().getSimpleName() + (message != null ? ": " + message : ""));
    }
}
