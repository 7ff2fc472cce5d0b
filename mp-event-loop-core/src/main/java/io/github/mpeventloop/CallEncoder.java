package io.github.mpeventloop;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.call.ResolvedTarget;
import io.github.mpeventloop.internal.call.TargetDescriptor;
import io.github.mpeventloop.internal.call.Conversions;
import io.github.mpeventloop.internal.wire.CycleFinder;
import io.github.mpeventloop.internal.wire.DeepStack;
import io.github.mpeventloop.internal.wire.FrameBuffer;
import io.github.mpeventloop.internal.wire.FrameLimits;
import io.github.mpeventloop.internal.wire.FrameGenerator;
import io.github.mpeventloop.internal.wire.ParentFrame;
import io.github.mpeventloop.internal.wire.ParentFrame.CallForm;
import io.github.mpeventloop.internal.wire.ParentFrames;
import io.github.mpeventloop.internal.wire.RebuildCheck;
import io.github.mpeventloop.internal.wire.Scalars;
import io.github.mpeventloop.internal.wire.ValueLimitException;
import io.github.mpeventloop.internal.wire.WireCodec;
import io.github.mpeventloop.internal.wire.WireErrors;
import io.github.mpeventloop.internal.wire.WireLimits;
import io.github.mpeventloop.internal.wire.WireMapper;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.TypeFactory;

/**
 * Encodes an event into its {@code call} frame in the submitting thread, so that a value that
 * cannot travel is refused right there (naming the value and why) and the event's arguments are
 * captured as they are at submission. Encoding stops at the frame limit.
 */
final class CallEncoder {

    private final JsonMapper mapper;
    private final WireCodec codec;
    /** What each submitting thread encodes with, kept and reused. */
    private final ThreadLocal<ThreadState> threads;
    private final WireLimits limits;
    private final RebuildCheck rebuildCheck;

    CallEncoder(JsonMapper mapper, int maxFrameBytes) {
        this.mapper = mapper;
        this.codec = WireCodec.of(mapper);
        this.threads = ThreadLocal.withInitial(() -> new ThreadState(new FrameGenerator(new FrameBuffer(1024, maxFrameBytes))));
        this.limits = WireMapper.limitsOf(mapper, maxFrameBytes);
        this.rebuildCheck = new RebuildCheck(mapper);
    }

    JavaType resultType(ResolvedTarget target) {
        return mapper.getTypeFactory().constructType(target.resultType());
    }

    JavaType resultType(Event<?> event) {
        TypeFactory types = mapper.getTypeFactory();
        JavaType[] parameters = types.constructType(event.getClass()).findTypeParameters(Event.class);
        return parameters.length == 1 ? parameters[0] : types.constructType(Object.class);
    }

    /** How a call with this declared result type runs; see {@link CallKind#of}. */
    CallKind kindOf(JavaType declared, boolean streamed, boolean stageAsValue) {
        return CallKind.of(mapper.getTypeFactory(), declared, streamed, stageAsValue);
    }

    /** The frame of a plain call of {@code target} with the values it captured, then its arguments. */
    byte[] encodeCall(long id, boolean output, ResolvedTarget target, @Nullable Object[] captured,
            @Nullable Object[] args, CallShape shape) {
        return encodeCall(id, output, target, captured, args, shape, null);
    }

    /** The frame of a call of {@code target}, run as {@code kind} says ({@code null}: plain). */
    byte[] encodeCall(long id, boolean output, ResolvedTarget target, @Nullable Object[] captured,
            @Nullable Object[] args, CallShape shape, @Nullable CallKind kind) {
        int count = captured.length + args.length;
        if (count != target.valueCount()) {
            int expected = target.valueCount() - captured.length;
            throw new IllegalArgumentException(target + " takes " + expected + " argument" + (expected == 1 ? "" : "s")
                    + ", the event has " + args.length);
        }
        return encode(id, output, kind, CallForm.TARGET, out -> {
            out.writeName("target");
            out.writeRawValue(target.descriptorJson());
            out.writeArrayPropertyStart("values");
            for (int slot = 0; slot < count; slot++) {
                Object value = slot < captured.length ? captured[slot] : args[slot - captured.length];
                if (shape.isRemoteSlot(slot)) {
                    out.writeNull();
                } else {
                    int at = slot;
                    writeValue(out, value, target, slot, () -> position(target, captured.length, at));
                }
            }
            out.writeEndArray();
            writeShape(out, shape);
        });
    }

    private static String position(ResolvedTarget target, int capturedCount, int slot) {
        if (slot >= capturedCount) {
            return "argument " + (slot - capturedCount);
        }
        return slot == 0 && target.descriptor().kind() == TargetDescriptor.Kind.INSTANCE
                ? "captured receiver" : "captured value " + slot;
    }

    private static void writeShape(JsonGenerator out, CallShape shape) {
        if (!shape.refs().isEmpty()) {
            out.writeObjectPropertyStart("refs");
            shape.refs().forEach((slot, objectId) -> out.writeNumberProperty(slot.toString(), objectId));
            out.writeEndObject();
        }
        if (!shape.vars().isEmpty()) {
            out.writeObjectPropertyStart("vars");
            shape.vars().forEach((slot, name) -> out.writeStringProperty(slot.toString(), name));
            out.writeEndObject();
        }
        if (shape.storeResult() > 0) {
            out.writeNumberProperty("storeResult", shape.storeResult());
        }
        if (!shape.mirror().isEmpty()) {
            out.writeArrayPropertyStart("mirror");
            for (String name : shape.mirror()) {
                out.writeString(name);
            }
            out.writeEndArray();
        }
        if (shape.init()) {
            out.writeBooleanProperty("init", true);
        }
        CallShape.Bean bean = shape.bean();
        if (bean != null) {
            out.writeObjectPropertyStart("bean");
            out.writeStringProperty("type", bean.type().getName());
            if (bean.name() != null) {
                out.writeStringProperty("name", bean.name());
            }
            out.writeEndObject();
        }
    }

    /**
     * The frame of a batch: {@code target} once per item, each item its last argument, the values
     * it captured before them.
     */
    byte[] encodeBatch(long id, boolean output, ResolvedTarget target, @Nullable Object[] captured,
            List<?> items) {
        int last = target.valueCount() - 1;
        if (last < 0 || captured.length != last) {
            throw new IllegalArgumentException(target + " must take exactly one argument to be mapped over items");
        }
        return encode(id, output, null, CallForm.BATCH, out -> {
            out.writeName("target");
            out.writeRawValue(target.descriptorJson());
            out.writeArrayPropertyStart("values");
            for (int slot = 0; slot < last; slot++) {
                int at = slot;
                writeValue(out, captured[slot], target, slot, () -> position(target, captured.length, at));
            }
            out.writeEndArray();
            out.writeArrayPropertyStart("batch");
            for (int item = 0; item < items.size(); item++) {
                int at = item;
                writeValue(out, items.get(item), target, last, () -> "item " + at);
            }
            out.writeEndArray();
        });
    }

    /** The frame that keeps a copy of {@code object} in the worker under {@code objectId}. */
    byte[] encodeStore(long id, long objectId, Object object, boolean replace) {
        return encode(id, false, null, CallForm.STORE, out -> {
            out.writeNumberProperty("object", objectId);
            out.writeStringProperty("class", object.getClass().getName());
            if (replace) {
                out.writeBooleanProperty("replace", true);
            }
            out.writeArrayPropertyStart("values");
            writeValue(out, object, () -> "cached object");
            out.writeEndArray();
        });
    }

    /**
     * The frame that reads the worker's copy of object {@code objectId} back ({@code "read"}), or
     * makes the worker forget it ({@code "release"}).
     */
    byte[] encodeObjectCall(long id, String member, long objectId) {
        CallForm form = "read".equals(member) ? CallForm.READ : CallForm.FORGET;
        return encode(id, true, null, form, out -> out.writeNumberProperty("object", objectId));
    }

    /** The frame of an {@link Event} subclass, whose fields travel, run as {@code kind} says ({@code null}: plain). */
    byte[] encodeEvent(long id, boolean output, Event<?> event, @Nullable CallKind kind) {
        Class<?> type = event.getClass();
        if (type.isAnonymousClass() || type.isLocalClass()
                || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
            throw new IllegalArgumentException(type.getName()
                    + " must be a top-level or static nested class, so that a worker can build it");
        }
        return encode(id, output, kind, CallForm.EVENT, out -> {
            out.writeStringProperty("event", type.getName());
            out.writeName("fields");
            checkRebuild(event, mapper.getTypeFactory().constructType(type), () -> "event");
            writeValue(out, event, () -> "event");
        });
    }

    /**
     * Encodes with {@code context} written into the {@code call} frame as its {@code context}
     * member (the fields listeners carry to the worker, such as a trace context). The encoding
     * functions are built by the submitters, one per kind of call; the context rides along the
     * thread that runs them, which is the submitting thread, so that none of them needs to know.
     */
    byte[] withContext(@Nullable Map<String, String> context, Supplier<byte[]> encoding) {
        if (context == null || context.isEmpty()) {
            return encoding.get();
        }
        ThreadState thread = threads.get();
        thread.context = context;
        try {
            return encoding.get();
        } finally {
            thread.context = null;
        }
    }

    /**
     * A submitting thread's buffer and generator, reused: each frame is copied out of the buffer
     * once, at its exact size; and the context of the call it encodes, if any.
     */
    private static final class ThreadState {
        final FrameGenerator frames;
        @Nullable Map<String, String> context;

        ThreadState(FrameGenerator frames) {
            this.frames = frames;
        }
    }

    private byte[] encode(long id, boolean output, @Nullable CallKind kind, CallForm form,
            Consumer<JsonGenerator> body) {
        ThreadState thread = threads.get();
        Map<String, String> context = thread.context;
        // a retry on a deep stack uses this thread's generator too: this thread waits for it meanwhile
        return DeepStack.runUnchecked(() -> encodeFrame(thread.frames, id, output, kind, form, context, body));
    }

    private byte[] encodeFrame(FrameGenerator frames, long id, boolean output, @Nullable CallKind kind, CallForm form,
            @Nullable Map<String, String> context, Consumer<JsonGenerator> body) {
        frames.buffer().clear();
        frames.append(codec.factory(), ParentFrame.Kind.CALL.wireName(), out -> {
            ParentFrames.callHeader(out, id, output, kind == null ? ParentFrame.CallMode.PLAIN : kind.wireMode(),
                    StreamState.WINDOW, context, form);
            body.accept(out);
        });
        return frames.buffer().toByteArray();
    }

    /** Writes one value of a target call; {@code position} names it in a refusal, made only then. */
    private void writeValue(JsonGenerator out, @Nullable Object value, ResolvedTarget target, int slot,
            Supplier<String> position) {
        Object converted = Conversions.convert(value, target.valueClass(slot));
        if (value == null) {
            if (target.isPrimitive(slot)) {
                throw new ArgumentNotTransferableException(position.get(), "null",
                        "the target takes a " + target.valueType(slot).getTypeName(), null);
            }
        } else if (converted == Conversions.REFUSED) {
            throw new ArgumentNotTransferableException(position.get(), value.getClass().getName(),
                    "the target takes " + target.valueType(slot).getTypeName()
                            + ", which Java's conversions do not reach from it", null);
        } else {
            checkRebuild(converted, mapper.getTypeFactory().constructType(target.valueType(slot)), position);
        }
        writeValue(out, converted, position);
    }

    private void checkRebuild(@Nullable Object value, JavaType declared, Supplier<String> position) {
        String problem = rebuildCheck.problem(value, declared);
        if (problem != null) {
            throw new ArgumentNotTransferableException(position.get(), value.getClass().getName(), problem, null);
        }
    }

    private void writeValue(JsonGenerator out, @Nullable Object value, Supplier<String> position) {
        try {
            Scalars.writeValue(codec, out, value);
        } catch (JacksonException | ValueLimitException e) {
            throw refusal(position.get(), value, e);
        }
    }

    /** Why a value cannot travel, in this library's words: the frame limit, a cycle, another limit, or the type. */
    private RuntimeException refusal(String position, @Nullable Object value, RuntimeException error) {
        FrameTooLargeException tooLarge = FrameLimits.tooLarge(error);
        if (tooLarge != null) {
            return tooLarge;
        }
        String type = value == null ? "null" : value.getClass().getName();
        String cycle = WireErrors.mayBeCycle(error) ? CycleFinder.describe(position, value) : null;
        if (cycle != null) {
            return new ArgumentNotTransferableException(position, type, "it contains a cycle, " + cycle
                    + " (values travel as trees: break the cycle, or mark the field that closes it transient)", null);
        }
        ValueLimitException limit = WireErrors.limitCrossed(error, limits);
        return new ArgumentNotTransferableException(position, type,
                limit != null ? limit.getMessage() : WireErrors.reason(error), error);
    }
}
