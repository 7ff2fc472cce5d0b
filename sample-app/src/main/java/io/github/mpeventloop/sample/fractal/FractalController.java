package io.github.mpeventloop.sample.fractal;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The fractal explorer's API: {@code GET /api/fractal/render} renders a view and streams its tiles
 * as Server-Sent Events (a view out of range gets one {@code refused} event); {@code POST /api/fractal/renders/{id}/cancel} cancels a render in progress.
 */
@RestController
@RequestMapping("/api/fractal")
class FractalController {

    private final FractalRenderer renderer;

    FractalController(FractalRenderer renderer) {
        this.renderer = renderer;
    }

    @GetMapping(path = "/render", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter render(@RequestParam(defaultValue = "-0.5") double cx, @RequestParam(defaultValue = "0") double cy,
            @RequestParam(defaultValue = "3") double scale, @RequestParam(defaultValue = "2000") int maxIterations,
            @RequestParam(defaultValue = "3") int samples) {
        FractalProperties settings = this.renderer.settings();
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        Viewport view;
        try {
            view = new Viewport(cx, cy, scale, settings.size(), settings.size(), maxIterations, samples);
        } catch (IllegalArgumentException ex) {
            return refused(emitter, ex);
        }
        SseRenderListener listener = new SseRenderListener(emitter);
        String id = this.renderer.start(view, listener);
        Runnable gone = () -> {
            listener.close();
            this.renderer.cancel(id);
        };
        emitter.onTimeout(gone);
        emitter.onError(error -> gone.run());
        emitter.onCompletion(gone);
        return emitter;
    }

    @PostMapping("/renders/{id}/cancel")
    ResponseEntity<Map<String, Object>> cancel(@PathVariable String id) {
        boolean cancelled = this.renderer.cancel(id);
        return ResponseEntity.status(cancelled ? HttpStatus.OK : HttpStatus.NOT_FOUND)
            .body(Map.of("renderId", id, "cancelled", cancelled));
    }

    /** Answers a view that cannot be rendered with a single {@code refused} event naming why. */
    private static SseEmitter refused(SseEmitter emitter, IllegalArgumentException ex) {
        try {
            emitter.send(SseEmitter.event().name("refused")
                .data(Map.of("error", String.valueOf(ex.getMessage())), MediaType.APPLICATION_JSON));
            emitter.complete();
        } catch (IOException sendFailed) {
            emitter.completeWithError(sendFailed);
        }
        return emitter;
    }
}
