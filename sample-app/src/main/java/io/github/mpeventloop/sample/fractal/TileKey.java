package io.github.mpeventloop.sample.fractal;

/**
 * The key of a tile event: which render and which tile its result belongs to. Keys stay in this
 * process; the output handler uses it to route the result.
 *
 * @param renderId the render's id
 * @param index the tile's index within the render
 */
public record TileKey(String renderId, int index) {
}
