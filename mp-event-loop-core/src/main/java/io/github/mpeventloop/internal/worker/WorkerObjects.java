package io.github.mpeventloop.internal.worker;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The objects that live in one worker across events: cached objects and proxies' objects by the
 * id the parent gave them, and named variables made by the worker initializer. Used by the
 * worker's single thread only.
 */
final class WorkerObjects {

    private final Map<Long, Object> cached = new HashMap<>();
    private final Map<String, Object> named = new HashMap<>();

    void store(long id, Object object, boolean replace) {
        if (replace) {
            cached.put(id, object);
        } else {
            cached.putIfAbsent(id, object);
        }
    }

    @Nullable Object cached(long id) {
        return cached.get(id);
    }

    void release(long id) {
        cached.remove(id);
    }

    int cachedCount() {
        return cached.size();
    }

    void name(String name, Object object) {
        named.put(name, object);
    }

    @Nullable Object named(String name) {
        return named.get(name);
    }
}
