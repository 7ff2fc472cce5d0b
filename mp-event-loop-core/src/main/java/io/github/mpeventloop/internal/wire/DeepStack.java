package io.github.mpeventloop.internal.wire;

import java.util.concurrent.Callable;

/**
 * Runs an encoding or decoding step again, on a thread with a large stack, when it overflowed the
 * calling thread's. Jackson writes and reads nested values by recursion, so a legitimate value
 * nested thousands of levels deep (a long linked list) needs more stack than a thread has by default;
 * the nesting limit ({@link WireLimits#maxNestingDepth()}) bounds how deep it goes. The steps run
 * here are pure (they encode into a buffer that is dropped on failure, or decode from bytes that stay
 * valid), so running one again from its start is safe. The common case pays nothing: one try block.
 * Written by hand: no library runs a task on a thread of a chosen stack size.
 */
public final class DeepStack {

    /**
     * Stack size of the threads that encode and decode deep values: reserved, not committed, the
     * memory is only used as deep as a value goes.
     */
    public static final long STACK_BYTES = 1L << 30;
    private static final String THREAD_NAME = "mp-event-loop-deep-value";

    private DeepStack() {
    }

    /** A step that may throw. */
    @FunctionalInterface
    public interface Step<T> {
        T run() throws Exception;
    }

    /**
     * Runs {@code step}, and once more on a deep-stack thread if it overflowed this thread's stack
     * (a {@link StackOverflowError}, or an exception caused by one: Jackson reports an overflow as
     * "Infinite recursion").
     */
    public static <T> T run(Step<T> step) throws Exception {
        try {
            return step.run();
        } catch (StackOverflowError overflow) {
            if (Thread.currentThread().getName().equals(THREAD_NAME)) {
                throw overflow;
            }
            return onDeepStack(step::run);
        } catch (RuntimeException e) {
            if (!overflowed(e) || Thread.currentThread().getName().equals(THREAD_NAME)) {
                throw e;
            }
            return onDeepStack(step::run);
        }
    }

    private static boolean overflowed(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }

    /** {@link #run(Step)} for steps that throw only unchecked exceptions. */
    public static <T> T runUnchecked(Step<T> step) {
        try {
            return run(step);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T onDeepStack(Callable<T> step) throws Exception {
        Object[] outcome = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                outcome[0] = step.call();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, THREAD_NAME, STACK_BYTES);
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable error = failure[0];
        if (error instanceof Exception exception) {
            throw exception;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        @SuppressWarnings("unchecked")
        T value = (T) outcome[0];
        return value;
    }
}
