package io.github.mpeventloop.internal.call;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Java's method invocation conversions for a value passed to a target: a boxed primitive is
 * unboxed and then widened as javac would ({@code Short} to an {@code int} parameter,
 * {@code Character} to a {@code long}, {@code Integer} to a {@code double}: JLS 5.1.2, 5.1.8), any
 * other value must be an instance of the parameter's class. The converted value is what travels, so
 * the worker reads it as the parameter's type exactly.
 */
public final class Conversions {

    /** For each primitive, the primitives whose values widen to it (itself included). */
    private static final Map<Class<?>, Set<Class<?>>> WIDENS_FROM = Map.of(
            boolean.class, Set.of(Boolean.class),
            byte.class, Set.of(Byte.class),
            short.class, Set.of(Short.class, Byte.class),
            char.class, Set.of(Character.class),
            int.class, Set.of(Integer.class, Short.class, Byte.class, Character.class),
            long.class, Set.of(Long.class, Integer.class, Short.class, Byte.class, Character.class),
            float.class, Set.of(Float.class, Long.class, Integer.class, Short.class, Byte.class, Character.class),
            double.class, Set.of(Double.class, Float.class, Long.class, Integer.class, Short.class, Byte.class,
                    Character.class));

    private Conversions() {
    }

    /** Marks a value that no conversion allows. */
    public static final Object REFUSED = new Object();

    /**
     * {@code value} converted for a parameter of class {@code parameter} (primitive or not), or
     * {@link #REFUSED}; {@code null} stays {@code null} (the caller refuses it for a primitive).
     */
    public static @Nullable Object convert(@Nullable Object value, Class<?> parameter) {
        if (value == null) {
            return null;
        }
        if (!parameter.isPrimitive()) {
            return parameter.isInstance(value) ? value : REFUSED;
        }
        Set<Class<?>> sources = WIDENS_FROM.get(parameter);
        if (sources == null || !sources.contains(value.getClass())) {
            return REFUSED;
        }
        if (value.getClass() == Types.boxed(parameter)) {
            return value;
        }
        long integral = value instanceof Character character ? character : value instanceof Number number && !(value instanceof Float) && !(value instanceof Double) ? number.longValue() : 0;
        if (parameter == int.class) {
            return (int) integral;
        }
        if (parameter == long.class) {
            return integral;
        }
        if (parameter == short.class) {
            return (short) integral;
        }
        if (parameter == float.class) {
            return (float) integral;
        }
        return value instanceof Float floating ? (double) floating : (double) integral;
    }
}
