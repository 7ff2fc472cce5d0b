package io.github.mpeventloop;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How a call's values reach the target in the worker, beyond plain copies: slots filled with a
 * cached object ({@code refs}, by object id) or a named variable ({@code vars}); the result kept
 * in the worker under an object id instead of being sent back ({@code storeResult}, for proxies);
 * the properties to mirror back after the call; whether the call is the worker initializer; and
 * the bean of the worker's context the call runs on ({@code bean}, for bean targets).
 */
record CallShape(Map<Integer, Long> refs, Map<Integer, String> vars, long storeResult, List<String> mirror,
        boolean init, @Nullable Bean bean) {

    static final CallShape PLAIN = new CallShape(Map.of(), Map.of(), 0, List.of(), false);

    /** The receiver slot is filled in the worker with the bean of {@code type} (named {@code name}, if given). */
    record Bean(Class<?> type, @Nullable String name) {
    }

    CallShape(Map<Integer, Long> refs, Map<Integer, String> vars, long storeResult, List<String> mirror,
            boolean init) {
        this(refs, vars, storeResult, mirror, init, null);
    }

    /** A call whose receiver is a worker's bean. */
    static CallShape onBean(Class<?> type, @Nullable String name) {
        return new CallShape(Map.of(), Map.of(), 0, List.of(), false, new Bean(type, name));
    }

    boolean isRemoteSlot(int slot) {
        return refs.containsKey(slot) || vars.containsKey(slot) || (slot == 0 && bean != null);
    }
}
