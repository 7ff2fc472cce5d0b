package io.github.mpeventloop.beans;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

import io.github.mpeventloop.spring.worker.InWorker;

/** A service with a configuration-properties dependency and another bean; its methods run in workers. */
@Service
public class RenderService {

    private final RenderProperties properties;
    private final Shades shades;

    public RenderService(RenderProperties properties, Shades shades) {
        this.properties = properties;
        this.shades = shades;
    }

    public Rendered render(Spec spec) {
        return new Rendered(ProcessHandle.current().pid(),
                shades.shade(properties.palette(), spec.size() * properties.scale()), properties.label());
    }

    public CompletableFuture<Rendered> renderAsync(Spec spec) {
        return CompletableFuture.supplyAsync(() -> render(spec));
    }

    public Stream<String> rows(int count) {
        return IntStream.range(0, count).mapToObj(row -> shades.shade(properties.palette(), row));
    }

    @InWorker(timeout = "30s")
    public CompletableFuture<Rendered> renderInWorker(Spec spec) {
        return CompletableFuture.completedFuture(render(spec));
    }

    @InWorker
    public Iterable<String> rowsInWorker(int count) {
        return rows(count).toList();
    }

    @InWorker
    public void writePid(String file) {
        try {
            Files.writeString(Path.of(file), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @InWorker
    public void fail(String message) {
        throw new IllegalStateException(message);
    }

    /** Not proxied: the same list, computed where it is called. */
    public List<String> rowsHere(int count) {
        return rows(count).toList();
    }
}
