package io.github.mpeventloop.worker;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;


/**
 * Reads the properties a proxy mirrors from the object that lives in the worker: a field by its
 * name, or a no-argument method (a getter). A property that cannot be read is mirrored as
 * {@code null}, as the seed did for a failing getter.
 */
final class Mirror {

    Map<String, Object> read(Object subject, List<String> names) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, property(subject, name));
        }
        return values;
    }

    private static @Nullable Object property(Object subject, String name) {
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
