package io.github.mpeventloop.internal.wire;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The constants of one frame-kind enum by their {@code type} member's value, indexed once (both
 * directions' {@code Kind} enums look a kind up for every frame read).
 *
 * @param <K> the kind enum
 */
final class WireNames<K extends Enum<K>> {

    private final Map<String, K> byName = new HashMap<>();

    WireNames(K[] kinds, Function<K, String> wireName) {
        for (K kind : kinds) {
            byName.put(wireName.apply(kind), kind);
        }
    }

    /** The kind whose {@code type} is {@code wireName}; {@code null} for none. */
    @Nullable K of(String wireName) {
        return byName.get(wireName);
    }
}
