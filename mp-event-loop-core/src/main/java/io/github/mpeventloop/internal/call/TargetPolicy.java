package io.github.mpeventloop.internal.call;

import java.lang.reflect.Modifier;
import java.util.Set;

import io.github.mpeventloop.TargetNotAllowedException;

/**
 * What a worker agrees to run: methods and constructors of the application's own classes (and
 * libraries'), and the public methods of a short list of pure JDK classes ({@link #PURE_JDK_CLASSES}:
 * {@code Math::max}, {@code String::valueOf}, {@code Integer::parseInt} ...), which compute a value
 * from their arguments and touch nothing else. Every other platform class is refused, so that a
 * frame cannot name {@code System::exit}, {@code Runtime::exec}, {@code ProcessBuilder::start},
 * reflection, class loading, or file and network I/O. Checked in the parent when an event is
 * submitted and again in the worker before anything is loaded.
 */
public final class TargetPolicy {

    /** The JDK classes whose public methods and constructors may be targets: pure computations on values. */
    public static final Set<String> PURE_JDK_CLASSES = Set.of("java.lang.Math", "java.lang.StrictMath",
            "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte",
            "java.lang.Double", "java.lang.Float", "java.lang.Boolean", "java.lang.Character", "java.util.Objects",
            "java.math.BigInteger", "java.math.BigDecimal");

    private TargetPolicy() {
    }

    /**
     * Refuses a target of a platform class.
     *
     * @throws TargetNotAllowedException if the target's class is a platform class
     */
    public static void check(TargetDescriptor target) {
        if (isPlatformClass(target.className()) && !PURE_JDK_CLASSES.contains(target.className())) {
            throw new TargetNotAllowedException("target " + target + " is a method of a platform class; workers run "
                    + "the application's own methods and those of " + PURE_JDK_CLASSES.size() + " pure JDK classes "
                    + "(Math, String, Integer ...), not this one (wrap the call in a method of yours)");
        }
    }

    /** Whether a method of an allowed class may be called: any of the application's, only public ones of the JDK's. */
    static boolean isCallable(Class<?> owner, int modifiers) {
        return !isPlatformClass(owner.getName()) || Modifier.isPublic(modifiers);
    }

    /** Whether a class name belongs to the Java platform. */
    public static boolean isPlatformClass(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.");
    }
}
