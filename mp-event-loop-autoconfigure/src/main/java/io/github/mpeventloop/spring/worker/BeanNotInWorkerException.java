package io.github.mpeventloop.spring.worker;

/**
 * An event names a bean that the workers' Spring context does not hold; the message names the bean
 * and the fix. Thrown at submission, before anything is queued.
 */
public class BeanNotInWorkerException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public BeanNotInWorkerException(String message) {
        super(message);
    }
}
