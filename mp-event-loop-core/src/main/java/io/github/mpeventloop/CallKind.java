package io.github.mpeventloop;

import java.util.Iterator;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.stream.BaseStream;

import io.github.mpeventloop.internal.wire.ParentFrame;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.type.TypeFactory;

/**
 * How an event runs in its worker, decided in the parent from the target's declared result type:
 * {@code PLAIN} (run to its end on the worker's event thread), {@code ASYNC} (a
 * {@link CompletionStage}, awaited without blocking the worker) or {@code STREAM} (a stream,
 * iterator or publisher, or an iterable the caller marked as streamed, whose items come back one by
 * one). {@code valueType} is what the answer's values are read as: the result, the stage's value,
 * or one item.
 */
record CallKind(Mode mode, JavaType valueType, boolean wrapStage) {

    enum Mode { PLAIN, ASYNC, STREAM }

    boolean isPlain() {
        return mode == Mode.PLAIN;
    }

    /** How the worker runs it: the {@code call} frame's {@code mode}. */
    ParentFrame.CallMode wireMode() {
        return switch (mode) {
            case PLAIN -> ParentFrame.CallMode.PLAIN;
            case ASYNC -> ParentFrame.CallMode.ASYNC;
            case STREAM -> ParentFrame.CallMode.STREAM;
        };
    }

    static CallKind plain(JavaType type) {
        return new CallKind(Mode.PLAIN, type, false);
    }

    /**
     * The kind of a call whose declared result type is {@code declared}. {@code streamed}: the
     * caller asked for the result's items ({@link CallEvent#streamed()}, {@code addStream}).
     * {@code stageAsValue}: the event's own type says it completes with the stage itself, so its
     * value is handed over wrapped in a completed future.
     */
    static CallKind of(TypeFactory types, JavaType declared, boolean streamed, boolean stageAsValue) {
        if (declared.isTypeOrSubTypeOf(CompletionStage.class)) {
            return new CallKind(Mode.ASYNC, parameter(types, declared, CompletionStage.class, 0), stageAsValue);
        }
        for (Class<?> container : new Class<?>[] {BaseStream.class, Iterator.class, Flow.Publisher.class}) {
            if (declared.isTypeOrSubTypeOf(container)) {
                return new CallKind(Mode.STREAM, parameter(types, declared, container, 0), false);
            }
        }
        if (streamed) {
            JavaType item = declared.isTypeOrSubTypeOf(Iterable.class) ? parameter(types, declared, Iterable.class, 0)
                    : types.constructType(Object.class);
            return new CallKind(Mode.STREAM, item, false);
        }
        return plain(declared);
    }

    private static JavaType parameter(TypeFactory types, JavaType declared, Class<?> container, int index) {
        JavaType[] parameters = declared.findTypeParameters(container);
        return parameters.length > index ? parameters[index] : types.constructType(Object.class);
    }
}
