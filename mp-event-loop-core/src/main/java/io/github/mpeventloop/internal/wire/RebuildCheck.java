package io.github.mpeventloop.internal.wire;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a worker can rebuild a value that Jackson can write: checked once per pair of declared
 * type and runtime class, in the submitting thread, and cached. A class must offer a constructor a
 * worker can call: a record's, a no-argument one, or one whose parameters are named after its
 * fields; then the first value of that pair is written and read back as the declared type, which
 * finds what else would fail in the worker (a nested class with no usable constructor, a value of
 * the wrong shape). A value declared as {@code Object} travels as plain JSON data and is not checked.
 * A pair whose first value was empty ({@code []}, {@code {}}) is checked again with the next value.
 */
public final class RebuildCheck {

    private record Key(JavaType declared, Class<?> runtime) {
    }

    private final JsonMapper mapper;
    private final ConcurrentHashMap<Key, Optional<String>> verdicts = new ConcurrentHashMap<>();

    public RebuildCheck(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Why a worker could not rebuild {@code value} as {@code declared}, or {@code null} when it can. */
    public @Nullable String problem(@Nullable Object value, JavaType declared) {
        if (value == null || declared.getRawClass() == Object.class || isPlainValue(value.getClass())) {
            return null;
        }
        Key key = new Key(declared, value.getClass());
        Optional<String> verdict = verdicts.get(key);
        if (verdict == null) {
            String problem = constructorProblem(value.getClass());
            boolean settled = true;
            if (problem == null) {
                byte[] json;
                try {
                    json = mapper.writeValueAsBytes(value);
                } catch (JacksonException | ValueLimitException | StackOverflowError e) {
                    return null;
                }
                settled = json.length > 2;
                try {
                    mapper.readValue(json, declared);
                } catch (JacksonException e) {
                    problem = "a worker cannot rebuild it as " + declared.toCanonical() + ": " + WireErrors.reason(e);
                    settled = true;
                }
            }
            verdict = Optional.ofNullable(problem);
            if (settled) {
                verdicts.put(key, verdict);
            }
        }
        return verdict.orElse(null);
    }

    private static boolean isPlainValue(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || type.getName().startsWith("java.") && !type.isArray()
                && !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)
                && type != Optional.class;
    }

    /** Why no constructor of {@code type} can rebuild it from its fields, or {@code null}. */
    static @Nullable String constructorProblem(Class<?> type) {
        if (type.isRecord() || type.isArray() || type.isInterface() || Modifier.isAbstract(type.getModifiers())
                || type.getName().startsWith("java.")) {
            return null;
        }
        Set<String> fields = new HashSet<>();
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                    fields.add(field.getName());
                }
            }
        }
        List<String> tried = new ArrayList<>();
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.isSynthetic()) {
                continue;
            }
            if (constructor.getParameterCount() == 0) {
                return null;
            }
            List<String> unnamed = new ArrayList<>();
            for (Parameter parameter : constructor.getParameters()) {
                if (!parameter.isNamePresent() || !fields.contains(parameter.getName())) {
                    unnamed.add(parameter.getName());
                }
            }
            if (unnamed.isEmpty()) {
                return null;
            }
            tried.add(type.getSimpleName() + "(" + String.join(", ", unnamed) + ")");
        }
        return "a worker cannot rebuild a " + type.getName() + ": it has no no-argument constructor, and the "
                + "parameters of its constructors are not named after its fields " + tried + " (fields: "
                + fields + "); name the parameters after the fields (compile with -parameters), add a no-argument "
                + "constructor, or make it a record";
    }
}
