package io.github.mpeventloop.sample.fractal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the tile renderer, under {@code sample.fractal.renderer}, read from
 * {@code application.yml} by each worker's own Spring context.
 *
 * @param escapeRadius distance from the origin past which a point counts as escaped; 2 draws the classic set
 */
@ConfigurationProperties("sample.fractal.renderer")
public record TileRendererProperties(@DefaultValue("2.0") double escapeRadius) {

    /** Checks the value. */
    public TileRendererProperties {
        if (!(escapeRadius >= 2.0)) {
            throw new IllegalArgumentException("sample.fractal.renderer.escape-radius must be at least 2, was "
                    + escapeRadius);
        }
    }
}
