package io.github.mpeventloop.internal.call;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Names a {@link Method} as a target, for calls made from a reflected method rather than a method
 * reference (a bean method called through a proxy). What is found is kept per method.
 */
public final class MethodTargets {

    private static final ClassValue<TargetResolver> RESOLVERS = new ClassValue<>() {
        @Override
        protected TargetResolver computeValue(Class<?> type) {
            ClassLoader loader = type.getClassLoader();
            return new TargetResolver(loader != null ? loader : ClassLoader.getSystemClassLoader());
        }
    };

    private MethodTargets() {
    }

    /**
     * The target that calls {@code method}: an instance method takes its receiver as its first value.
     *
     * @throws TargetNotFoundException if the method cannot be resolved
     */
    public static ResolvedTarget resolve(Method method) {
        TargetDescriptor descriptor = new TargetDescriptor(
                Modifier.isStatic(method.getModifiers()) ? TargetDescriptor.Kind.STATIC : TargetDescriptor.Kind.INSTANCE,
                method.getDeclaringClass().getName(), method.getName(),
                TargetResolver.descriptorOf(method.getParameterTypes(), method.getReturnType()));
        return RESOLVERS.get(method.getDeclaringClass()).resolve(descriptor);
    }
}
