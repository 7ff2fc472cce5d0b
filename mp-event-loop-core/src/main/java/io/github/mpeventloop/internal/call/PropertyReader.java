package io.github.mpeventloop.internal.call;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

/**
 * Reads a property a proxy mirrors: a field by its name (declared on the class or a superclass, of
 * any visibility), else a method of that name without arguments (a getter). A property that cannot
 * be read is {@code null}, as the seed mirrored a failing getter. The worker reads the live object
 * with it after each call; the parent reads the proxy's first values with it, so that both agree.
 */
public final class PropertyReader {

    private PropertyReader() {
    }

    /** The value of property {@code name} of {@code subject}, or {@code null} if it cannot be read. */
    public static @Nullable Object read(Object subject, String name) {
        for (Class<?> type = subject.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(subject);
            } catch (NoSuchFieldException e) {
                // look further up, then for a getter
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        try {
            Method getter = findGetter(subject.getClass(), name);
            return getter == null ? null : getter.invoke(subject);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static @Nullable Method findGetter(Class<?> type, String name) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            try {
                Method method = current.getDeclaredMethod(name);
                method.setAccessible(true);
                return method;
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        return null;
    }
}
