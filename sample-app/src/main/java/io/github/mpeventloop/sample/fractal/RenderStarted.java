package io.github.mpeventloop.sample.fractal;

/**
 * First message of a render: its id (to cancel it with) and how the picture is split.
 *
 * @param renderId the render's id
 * @param view the picture rendered
 * @param tiles number of tiles
 * @param columns tiles per row
 * @param rows tiles per column
 * @param retries times a tile is run again when its worker dies under it
 */
public record RenderStarted(String renderId, Viewport view, int tiles, int columns, int rows, int retries) {
}
