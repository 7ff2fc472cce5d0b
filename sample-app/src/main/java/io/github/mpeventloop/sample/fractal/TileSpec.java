package io.github.mpeventloop.sample.fractal;

/**
 * One tile of a {@link Viewport}: the rectangle of pixels a worker computes. It is the argument of
 * the tile event, so it travels to the worker as JSON.
 *
 * @param view the whole picture the tile belongs to
 * @param index the tile's number within its picture
 * @param x column of the tile's left pixel in the picture
 * @param y row of the tile's top pixel in the picture
 * @param width width of the tile in pixels
 * @param height height of the tile in pixels
 */
public record TileSpec(Viewport view, int index, int x, int y, int width, int height) {

    /** Checks that the tile lies within its picture. */
    public TileSpec {
        if (x < 0 || y < 0 || width < 1 || height < 1 || x + width > view.width() || y + height > view.height()) {
            throw new IllegalArgumentException("tile " + x + "," + y + " " + width + "x" + height
                    + " is not within the " + view.width() + "x" + view.height() + " picture");
        }
    }
}
