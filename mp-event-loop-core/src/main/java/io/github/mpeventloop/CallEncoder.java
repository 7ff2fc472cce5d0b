package io.github.mpeventloop;

import java.lang.reflect.Modifier;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.call.ResolvedTarget;
import io.github.mpeventloop.internal.wire.FrameBuffer;
import io.github.mpeventloop.internal.wire.FrameLimits;
import io.github.mpeventloop.internal.wire.Frames;
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
    /** One buffer per submitting thread, reused: each frame is copied out of it once, at its exact size. */
    private final ThreadLocal<FrameBuffer> buffers;

    CallEncoder(JsonMapper mapper, int maxFrameBytes) {
        this.mapper = mapper;
        this.buffers = ThreadLocal.withInitial(() -> new FrameBuffer(1024, maxFrameBytes));
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
        return encode(id, output, kind, out -> {
            out.writeName("target");
            out.writeRawValue(target.descriptorJson());
            out.writeArrayPropertyStart("values");
            for (int slot = 0; slot < count; slot++) {
                Object value = slot < captured.length ? captured[slot] : args[slot - captured.length];
                if (shape.isRemoteSlot(slot)) {
                    out.writeNull();
                } else {
                    writeValue(out, value, target, slot, position(target, captured.length, slot));
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
        return slot == 0 && target.descriptor().kind() == io.github.mpeventloop.internal.call.TargetDescriptor.Kind.INSTANCE
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
            java.util.List<?> items) {
        int last = target.valueCount() - 1;
        if (last < 0 || captured.length != last) {
            throw new IllegalArgumentException(target + " must take exactly one argument to be mapped over items");
        }
        return encode(id, output, null, out -> {
            out.writeName("target");
            out.writeRawValue(target.descriptorJson());
            out.writeArrayPropertyStart("values");
            for (int slot = 0; slot < last; slot++) {
                writeValue(out, captured[slot], target, slot, position(target, captured.length, slot));
            }
            out.writeEndArray();
            out.writeArrayPropertyStart("batch");
            for (int item = 0; item < items.size(); item++) {
                writeValue(out, items.get(item), target, last, "item " + item);
            }
            out.writeEndArray();
        });
    }

    /** The frame that keeps a copy of {@code object} in the worker under {@code objectId}. */
    byte[] encodeStore(long id, long objectId, Object object, boolean replace) {
        return encode(id, false, null, out -> {
            out.writeNumberProperty("store", objectId);
            out.writeStringProperty("class", object.getClass().getName());
            if (replace) {
                out.writeBooleanProperty("replace", true);
            }
            out.writeArrayPropertyStart("values");
            writeValue(out, object, "cached object");
            out.writeEndArray();
        });
    }

    /** The frame that reads the worker's copy of object {@code objectId} back, or releases it. */
    byte[] encodeObjectCall(long id, String member, long objectId) {
        return encode(id, true, null, out -> out.writeNumberProperty(member, objectId));
    }

    /** The frame of an {@link Event} subclass, whose fields travel, run as {@code kind} says ({@code null}: plain). */
    byte[] encodeEvent(long id, boolean output, Event<?> event, @Nullable CallKind kind) {
        Class<?> type = event.getClass();
        if (type.isAnonymousClass() || type.isLocalClass()
                || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
            throw new IllegalArgumentException(type.getName()
                    + " must be a top-level or static nested class, so that a worker can build it");
        }
        return encode(id, output, kind, out -> {
            out.writeStringProperty("event", type.getName());
            out.writeName("fields");
            try {
                mapper.writeValue(out, event);
            } catch (JacksonException e) {
                FrameTooLargeException tooLarge = FrameLimits.tooLarge(e);
                if (tooLarge != null) {
                    throw tooLarge;
                }
                throw new ArgumentNotTransferableException("event", type.getName(), e.getOriginalMessage(), e);
            }
        });
    }

    private byte[] encode(long id, boolean output, @Nullable CallKind kind,
            java.util.function.Consumer<JsonGenerator> body) {
        FrameBuffer buffer = buffers.get();
        buffer.clear();
        int start = buffer.beginFrame();
        Frames.writeObject(mapper, buffer, Frames.CALL, out -> {
            out.writeNumberProperty("id", id);
            if (!output) {
                out.writeBooleanProperty("output", false);
            }
            String mode = kind == null ? null : kind.wireMode();
            if (mode != null) {
                out.writeStringProperty("mode", mode);
                if (kind.mode() == CallKind.Mode.STREAM) {
                    out.writeNumberProperty("credit", StreamState.WINDOW);
                }
            }
            body.accept(out);
        });
        buffer.endFrame(start);
        return buffer.toByteArray();
    }

    private void writeValue(JsonGenerator out, @Nullable Object value, ResolvedTarget target, int slot,
            String position) {
        if (value == null) {
            if (target.isPrimitive(slot)) {
                throw new ArgumentNotTransferableException(position, "null",
                        "the target takes a " + target.valueType(slot).getTypeName(), null);
            }
        } else if (!target.boxedValueClass(slot).isInstance(value)) {
            throw new ArgumentNotTransferableException(position, value.getClass().getName(),
                    "the target takes " + target.valueType(slot).getTypeName(), null);
        }
        writeValue(out, value, position);
    }

    private void writeValue(JsonGenerator out, @Nullable Object value, String position) {
        try {
            mapper.writeValue(out, value);
        } catch (JacksonException e) {
            FrameTooLargeException tooLarge = FrameLimits.tooLarge(e);
            if (tooLarge != null) {
                throw tooLarge;
            }
            throw new ArgumentNotTransferableException(position, value == null ? "null" : value.getClass().getName(),
                    e.getOriginalMessage(), e);
        }
    }
}
