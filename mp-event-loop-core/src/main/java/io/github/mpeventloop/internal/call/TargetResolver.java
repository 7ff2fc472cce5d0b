package io.github.mpeventloop.internal.call;

import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the method or constructor a {@link TargetDescriptor} names, in one class loader, and keeps
 * what it found. Classes are loaded without being initialised, so naming a class runs none of its
 * code until the target itself is invoked.
 */
public final class TargetResolver {

    private final ClassLoader loader;
    private final Map<TargetDescriptor, ResolvedTarget> resolved = new ConcurrentHashMap<>();

    public TargetResolver(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * Resolves a descriptor.
     *
     * @throws TargetNotFoundException if the class, method or constructor does not exist
     */
    public ResolvedTarget resolve(TargetDescriptor descriptor) {
        ResolvedTarget target = resolved.get(descriptor);
        if (target == null) {
            target = new ResolvedTarget(descriptor, find(descriptor));
            resolved.put(descriptor, target);
        }
        return target;
    }

    private Executable find(TargetDescriptor descriptor) {
        Class<?> type;
        try {
            type = Class.forName(descriptor.className(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new TargetNotFoundException("no class " + descriptor.className() + " for target " + descriptor, e);
        }
        if (descriptor.kind() == TargetDescriptor.Kind.CONSTRUCTOR) {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (descriptorOf(constructor.getParameterTypes(), void.class).equals(descriptor.descriptor())
                        && TargetPolicy.isCallable(type, constructor.getModifiers())) {
                    return constructor;
                }
            }
        } else {
            boolean wantStatic = descriptor.kind() == TargetDescriptor.Kind.STATIC;
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(descriptor.methodName())
                        && java.lang.reflect.Modifier.isStatic(method.getModifiers()) == wantStatic
                        && descriptorOf(method.getParameterTypes(), method.getReturnType()).equals(descriptor.descriptor())
                        && TargetPolicy.isCallable(type, method.getModifiers())) {
                    return method;
                }
            }
        }
        throw new TargetNotFoundException("no " + descriptor.kind().name().toLowerCase(Locale.ROOT)
                + " target " + descriptor + " in " + type.getName(), null);
    }

    static String descriptorOf(Class<?>[] parameters, Class<?> result) {
        return MethodType.methodType(result, parameters).toMethodDescriptorString();
    }
}
