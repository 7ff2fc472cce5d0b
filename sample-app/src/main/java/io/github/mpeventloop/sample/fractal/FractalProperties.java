package io.github.mpeventloop.sample.fractal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the fractal explorer, under {@code sample.fractal}.
 *
 * @param size width and height of the picture in pixels
 * @param columns tiles per row
 * @param rows tiles per column
 * @param tilesInFlight most tiles of one render handed to the loop at a time; the others wait in
 *        the render, so that cancelling it frees the workers at once
 * @param tileRetries times a tile runs again when its worker dies under it
 * @param tileTimeout longest a tile may run in its worker
 * @param streamTimeout longest a render's event stream stays open
 */
@ConfigurationProperties("sample.fractal")
public record FractalProperties(@DefaultValue("512") int size, @DefaultValue("8") int columns,
        @DefaultValue("8") int rows, @DefaultValue("8") int tilesInFlight, @DefaultValue("1") int tileRetries,
        @DefaultValue("60s") Duration tileTimeout, @DefaultValue("10m") Duration streamTimeout) {

    /** Checks the values. */
    public FractalProperties {
        if (size < 1 || size > Viewport.MAX_SIDE) {
            throw new IllegalArgumentException("sample.fractal.size must be between 1 and " + Viewport.MAX_SIDE);
        }
        if (columns < 1 || rows < 1 || columns > size || rows > size) {
            throw new IllegalArgumentException("sample.fractal.columns and rows must be between 1 and the size");
        }
        if (tilesInFlight < 1) {
            throw new IllegalArgumentException("sample.fractal.tiles-in-flight must be at least 1");
        }
        if (tileRetries < 0) {
            throw new IllegalArgumentException("sample.fractal.tile-retries must not be negative");
        }
    }
}
