package io.github.mpeventloop.sample.fractal;

import org.springframework.stereotype.Component;

import io.github.mpeventloop.EventResult;
import io.github.mpeventloop.spring.OutputHandler;

/**
 * The output handler of tile events: every result whose key is a {@link TileKey}, successful or
 * not, goes to its render. The result says how many attempts the tile took, which its future does not.
 */
@Component
class TileResultRouter {

    private final FractalRenderer renderer;

    TileResultRouter(FractalRenderer renderer) {
        this.renderer = renderer;
    }

    @OutputHandler
    void route(EventResult<?> result) {
        if (result.eventKey() instanceof TileKey key) {
            this.renderer.deliver(key, result);
        }
    }
}
