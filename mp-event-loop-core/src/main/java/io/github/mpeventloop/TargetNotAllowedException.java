package io.github.mpeventloop;

/**
 * A target names a method that workers refuse to run: a method or constructor of a platform class
 * ({@code java.*}, {@code javax.*}, {@code jdk.*}, {@code sun.*}, {@code com.sun.*}), such as
 * {@code System::exit} or {@code Runtime::exec}. Wrap the call in a method of your own.
 */
public class TargetNotAllowedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public TargetNotAllowedException(String message) {
        super(message);
    }
}
