package io.github.mpeventloop.internal.worker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.internal.call.ResolvedTarget;
import io.github.mpeventloop.internal.wire.ParentFrame;

/**
 * The body of one {@code call}, read by {@link CallDecoder} straight into the declared types: what
 * {@link CallRunner} runs. Which members are set depends on the call's form.
 */
final class DecodedCall {

    final ParentFrame.Call header;
    @Nullable ResolvedTarget target;
    /** Values of a target or batch call, in target order; slots named in {@link #refs} or {@link #vars} are null. */
    @Nullable Object @Nullable [] values;
    /** Items of a batch call. */
    final List<@Nullable Object> batch = new ArrayList<>();
    @Nullable Event<?> event;
    /** The cached object a store, read or forget call is about. */
    long objectId = -1;
    @Nullable String storeClass;
    boolean replace;
    final Map<Integer, Long> refs = new HashMap<>();
    final Map<Integer, String> vars = new HashMap<>();
    long storeResult = -1;
    final List<String> mirror = new ArrayList<>();
    boolean init;
    /** The bean a bean target runs on: its type's name, and its name when the call gives one. */
    @Nullable String beanType;
    @Nullable String beanName;

    DecodedCall(ParentFrame.Call header) {
        this.header = header;
    }
}
