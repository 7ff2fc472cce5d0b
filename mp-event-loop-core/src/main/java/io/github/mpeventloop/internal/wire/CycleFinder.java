package io.github.mpeventloop.internal.wire;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Finds a cycle in a value by identity, walking what the wire carries (an object's fields, the
 * elements of collections, arrays and {@code Optional}s, the values of maps), and names it as a
 * path: {@code argument 0: Node.next.next → argument 0}. Values travel as trees, so a cycle can never
 * be sent; this walk runs only after writing a value failed at the nesting limit, never on the hot
 * path. It is iterative, so a deep acyclic value does not overflow the stack. Written by hand:
 * Jackson reports only a depth, not the reference that closes the loop.
 */
public final class CycleFinder {

    private CycleFinder() {
    }

    private record Step(Object value, String path, Iterator<Child> children) {
    }

    private record Child(String segment, @Nullable Object value) {
    }

    /**
     * The cycle in {@code root}, as {@code <position>: <path> → <where it loops back>}, or
     * {@code null} when there is none.
     */
    public static @Nullable String describe(String position, @Nullable Object root) {
        if (root == null || isLeaf(root.getClass())) {
            return null;
        }
        Map<Object, String> onPath = new IdentityHashMap<>();
        Map<Object, Boolean> done = new IdentityHashMap<>();
        Deque<Step> stack = new ArrayDeque<>();
        String rootPath = root.getClass().getSimpleName();
        stack.push(new Step(root, rootPath, children(root)));
        onPath.put(root, rootPath);
        while (!stack.isEmpty()) {
            Step step = stack.peek();
            if (!step.children().hasNext()) {
                stack.pop();
                onPath.remove(step.value());
                done.put(step.value(), Boolean.TRUE);
                continue;
            }
            Child child = step.children().next();
            Object value = child.value();
            if (value == null || isLeaf(value.getClass()) || done.containsKey(value)) {
                continue;
            }
            String path = step.path() + child.segment();
            String loop = onPath.get(value);
            if (loop != null) {
                return position + ": " + path + " → " + (value == root ? position
                        : position + loop.substring(rootPath.length()));
            }
            onPath.put(value, path);
            stack.push(new Step(value, path, children(value)));
        }
        return null;
    }

    private static boolean isLeaf(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || CharSequence.class.isAssignableFrom(type)
                || Number.class.isAssignableFrom(type) || type == Boolean.class || type == Character.class
                || (type.isArray() && type.getComponentType().isPrimitive())
                || (type.getName().startsWith("java.") && !Collection.class.isAssignableFrom(type)
                        && !Map.class.isAssignableFrom(type) && type != Optional.class && !type.isArray());
    }

    private static Iterator<Child> children(Object value) {
        List<Child> children = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                children.add(new Child("[" + index++ + "]", element));
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> children.add(new Child("[" + key + "]", element)));
        } else if (value instanceof Optional<?> optional) {
            children.add(new Child(".get()", optional.orElse(null)));
        } else if (value.getClass().isArray()) {
            for (int index = 0; index < Array.getLength(value); index++) {
                children.add(new Child("[" + index + "]", Array.get(value, index)));
            }
        } else {
            for (Class<?> type = value.getClass(); type != null && !type.getName().startsWith("java."); type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
                            || field.getType().isPrimitive()) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        children.add(new Child("." + field.getName(), field.get(value)));
                    } catch (IllegalAccessException | InaccessibleObjectException e) {
                        // a field the wire cannot read either
                    }
                }
            }
        }
        return children.iterator();
    }
}
