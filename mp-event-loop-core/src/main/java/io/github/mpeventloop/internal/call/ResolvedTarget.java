package io.github.mpeventloop.internal.call;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A target found by reflection: the method or constructor, the declared (generic) type of each
 * value it takes (the receiver first, for an instance method) and of its result.
 */
public final class ResolvedTarget {

    private final TargetDescriptor descriptor;
    private final Executable executable;
    private final Type[] valueTypes;
    private final Class<?>[] boxedValueClasses;
    private final Type resultType;
    private final SerializedString descriptorJson;

    ResolvedTarget(TargetDescriptor descriptor, Executable executable) {
        this.descriptor = descriptor;
        this.executable = executable;
        executable.setAccessible(true);
        Type[] parameters = executable.getGenericParameterTypes();
        if (descriptor.kind() == TargetDescriptor.Kind.INSTANCE) {
            valueTypes = new Type[parameters.length + 1];
            valueTypes[0] = executable.getDeclaringClass();
            System.arraycopy(parameters, 0, valueTypes, 1, parameters.length);
        } else {
            valueTypes = parameters;
        }
        resultType = executable instanceof Method method ? method.getGenericReturnType() : executable.getDeclaringClass();
        boxedValueClasses = new Class<?>[valueTypes.length];
        for (int i = 0; i < valueTypes.length; i++) {
            boxedValueClasses[i] = Types.boxed(Types.erasure(valueTypes[i]));
        }
        descriptorJson = new SerializedString(descriptor.toJson());
    }

    /**
     * The class a value must be an instance of, primitives boxed ({@code int} gives
     * {@code Integer}); {@link #isPrimitive(int)} says whether {@code null} is refused.
     */
    public Class<?> boxedValueClass(int index) {
        return boxedValueClasses[index];
    }

    /** The erased class of value {@code index}, primitives as they are. */
    public Class<?> valueClass(int index) {
        return Types.erasure(valueTypes[index]);
    }

    public boolean isPrimitive(int index) {
        return valueTypes[index] instanceof Class<?> type && type.isPrimitive();
    }

    /**
     * The descriptor as the JSON object the wire carries, made once; its UTF-8 bytes are kept too,
     * so a call frame copies them instead of encoding the text again.
     */
    public SerializableString descriptorJson() {
        return descriptorJson;
    }

    public TargetDescriptor descriptor() {
        return descriptor;
    }

    /** Declared type of each value, receiver first for an instance method. */
    public Type[] valueTypes() {
        return valueTypes.clone();
    }

    public int valueCount() {
        return valueTypes.length;
    }

    public Type valueType(int index) {
        return valueTypes[index];
    }

    /** Declared result type; {@code void} for a method that returns nothing. */
    public Type resultType() {
        return resultType;
    }

    /**
     * Invokes the target with its values (receiver first for an instance method).
     *
     * @throws Throwable what the target threw, unwrapped
     */
    public @Nullable Object invoke(@Nullable Object[] values) throws Throwable {
        if (values.length != valueTypes.length) {
            throw new IllegalArgumentException(descriptor + " takes " + valueTypes.length + " values, got " + values.length);
        }
        try {
            if (executable instanceof Constructor<?> constructor) {
                return constructor.newInstance(values);
            }
            Method method = (Method) executable;
            if (descriptor.kind() == TargetDescriptor.Kind.INSTANCE) {
                if (values[0] == null) {
                    throw new NullPointerException("receiver of " + descriptor + " is null");
                }
                return method.invoke(values[0], Arrays.copyOfRange(values, 1, values.length));
            }
            return method.invoke(null, values);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public String toString() {
        return descriptor.toString();
    }
}
