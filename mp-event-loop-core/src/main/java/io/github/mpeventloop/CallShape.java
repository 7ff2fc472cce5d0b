package io.github.mpeventloop;

import java.util.List;
import java.util.Map;

/**
 * How a call's values reach the target in the worker, beyond plain copies: slots filled with a
 * cached object ({@code refs}, by object id) or a named variable ({@code vars}); the result kept
 * in the worker under an object id instead of being sent back ({@code storeResult}, for proxies);
 * the properties to mirror back after the call; and whether the call is the worker initializer.
 */
record CallShape(Map<Integer, Long> refs, Map<Integer, String> vars, long storeResult, List<String> mirror,
        boolean init) {

    static final CallShape PLAIN = new CallShape(Map.of(), Map.of(), 0, List.of(), false);

    boolean isRemoteSlot(int slot) {
        return refs.containsKey(slot) || vars.containsKey(slot);
    }
}
