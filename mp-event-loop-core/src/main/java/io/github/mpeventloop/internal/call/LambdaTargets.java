package io.github.mpeventloop.internal.call;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

/**
 * Turns a serializable method reference or lambda into the target it calls and the values it
 * captured (a bound receiver, captured variables), through the {@link SerializedLambda} that the
 * compiler makes such objects able to produce. The lambda itself is never serialised; only its
 * name and its captured values travel. What does not depend on the instance is kept per lambda
 * class.
 */
public final class LambdaTargets {

    private LambdaTargets() {
    }

    /** A target with the values a lambda captured, to be placed before the call's arguments. */
    public record Captured(ResolvedTarget target, @Nullable Object[] values) {
    }

    /** Per lambda class: its target and how many values it captures, once the first instance was read. */
    private record Shape(ResolvedTarget target, int capturedCount) {
    }

    private static final ClassValue<Shape[]> SHAPES = new ClassValue<>() {
        @Override
        protected Shape[] computeValue(Class<?> type) {
            return new Shape[1];
        }
    };

    /**
     * Describes a serializable lambda or method reference.
     *
     * @throws IllegalArgumentException if {@code lambda} is not one
     */
    public static Captured describe(Serializable lambda) {
        Shape[] slot = SHAPES.get(lambda.getClass());
        Shape shape = slot[0];
        if (shape != null && shape.capturedCount() == 0) {
            return new Captured(shape.target(), new Object[0]);
        }
        SerializedLambda form = serializedForm(lambda);
        if (shape == null) {
            shape = new Shape(resolve(lambda.getClass(), form), form.getCapturedArgCount());
            slot[0] = shape;
        }
        Object[] captured = new Object[form.getCapturedArgCount()];
        for (int i = 0; i < captured.length; i++) {
            captured[i] = form.getCapturedArg(i);
        }
        return new Captured(shape.target(), captured);
    }

    private static SerializedLambda serializedForm(Serializable lambda) {
        Class<?> type = lambda.getClass();
        try {
            Method writeReplace = type.getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            if (writeReplace.invoke(lambda) instanceof SerializedLambda form) {
                return form;
            }
        } catch (NoSuchMethodException e) {
            // not a lambda: reported below
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the method reference " + type.getName(), e);
        }
        throw new IllegalArgumentException(type.getName()
                + " is not a method reference or lambda: pass one (Tasks::work, a::method, Point::new), "
                + "a registered name, or an Event subclass");
    }

    private static ResolvedTarget resolve(Class<?> lambdaClass, SerializedLambda form) {
        TargetDescriptor descriptor = new TargetDescriptor(
                TargetDescriptor.Kind.ofReferenceKind(form.getImplMethodKind()),
                form.getImplClass().replace('/', '.'), form.getImplMethodName(), form.getImplMethodSignature());
        ClassLoader loader = lambdaClass.getClassLoader();
        return new TargetResolver(loader != null ? loader : ClassLoader.getSystemClassLoader()).resolve(descriptor);
    }
}
