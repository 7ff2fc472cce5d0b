package io.github.mpeventloop.internal.wire;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.TokenStreamFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire's two Jackson objects, for a side that need not wait for the second. The factory
 * (jackson-core) reads and writes every frame and every scalar value ({@link Scalars}); the mapper
 * (databind) binds every other value. A worker makes its factory at once and its mapper on a
 * second thread: the first mapper of a JVM took a third of a worker's way to its first result
 * (Jackson 3 sets up its {@code java.time} handlers in every mapper, and its date format loads the
 * JDK's calendar and locale data), and the handshake and calls of scalar values do without it.
 * Thread-safe.
 */
public final class WireCodec {

    private final TokenStreamFactory factory;
    private final @Nullable Future<JsonMapper> pending;
    private volatile @Nullable JsonMapper mapper;

    private WireCodec(TokenStreamFactory factory, @Nullable Future<JsonMapper> pending, @Nullable JsonMapper mapper) {
        this.factory = factory;
        this.pending = pending;
        this.mapper = mapper;
    }

    /** A codec whose mapper is made. */
    public static WireCodec of(JsonMapper mapper) {
        return new WireCodec(mapper.tokenStreamFactory(), null, mapper);
    }

    /**
     * A codec whose mapper is still being made by {@code mapper}, on {@code factory}; the factory must
     * be the one {@link WireMapper#factory} made for the same limits.
     */
    public static WireCodec pending(TokenStreamFactory factory, Future<JsonMapper> mapper) {
        return new WireCodec(factory, mapper, null);
    }

    /** The factory of every frame's parser and generator. */
    public TokenStreamFactory factory() {
        return factory;
    }

    /**
     * The mapper, once it is made: waits for it, without giving way to an interrupt (which is kept
     * for the caller), since a worker needs its mapper whatever the call that asks first.
     *
     * @throws IllegalStateException if it could not be made
     */
    public JsonMapper mapper() {
        JsonMapper made = mapper;
        if (made != null) {
            return made;
        }
        made = await();
        mapper = made;
        return made;
    }

    private JsonMapper await() {
        Future<JsonMapper> future = pending;
        if (future == null) {
            throw new IllegalStateException("a wire codec without a mapper");
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the worker's mapper could not be made", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
