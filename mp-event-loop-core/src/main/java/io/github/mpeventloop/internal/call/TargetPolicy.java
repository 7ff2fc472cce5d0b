package io.github.mpeventloop.internal.call;

import io.github.mpeventloop.TargetNotAllowedException;

/**
 * What a worker agrees to run: methods and constructors of the application's own classes (and
 * libraries'), never of platform classes, so that a frame cannot name {@code System::exit},
 * {@code Runtime::exec} or {@code ProcessBuilder::start}. Checked in the parent when an event is
 * submitted and again in the worker before anything is loaded.
 */
public final class TargetPolicy {

    private TargetPolicy() {
    }

    /**
     * Refuses a target of a platform class.
     *
     * @throws TargetNotAllowedException if the target's class is a platform class
     */
    public static void check(TargetDescriptor target) {
        if (isPlatformClass(target.className())) {
            throw new TargetNotAllowedException("target " + target + " is a method of a platform class; workers run "
                    + "only the application's own methods (wrap the call in a method of yours)");
        }
    }

    /** Whether a class name belongs to the Java platform. */
    public static boolean isPlatformClass(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.");
    }
}
