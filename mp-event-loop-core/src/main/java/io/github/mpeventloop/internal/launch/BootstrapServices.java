package io.github.mpeventloop.internal.launch;

import java.io.IOException;

import io.github.mpeventloop.spi.bootstrap.WorkerBootstrap;

/**
 * Whether a worker's class path holds no {@link WorkerBootstrap} service file, told in the parent:
 * only when the worker's class path is the parent's own, which the parent's system class loader has
 * open already, so the answer costs a look-up in open jars. A worker told so skips its
 * {@link java.util.ServiceLoader} look-up, which otherwise searches every jar of its class path
 * before it can connect (measured: 20 to 70 ms of the worker's processor time to its first result,
 * of about 450, on JDK 17 with its archive; see {@code docs/performance.md}).
 */
final class BootstrapServices {

    static final String SERVICE_FILE = "META-INF/services/" + WorkerBootstrap.class.getName();

    private BootstrapServices() {
    }

    /** Whether a worker on {@code classPath} would find no bootstrap, as far as this JVM can tell. */
    static boolean noneOn(String classPath) {
        return noneOn(classPath, System.getProperty("java.class.path", ""), ClassLoader.getSystemClassLoader());
    }

    /**
     * Whether a worker on {@code workerClassPath} would find no bootstrap: known only when it is
     * {@code ownClassPath}, the class path of {@code ownLoader}; otherwise (or when the look-up
     * fails) the worker looks itself.
     */
    static boolean noneOn(String workerClassPath, String ownClassPath, ClassLoader ownLoader) {
        if (workerClassPath.isEmpty() || !workerClassPath.equals(ownClassPath)) {
            return false;
        }
        try {
            return !ownLoader.getResources(SERVICE_FILE).hasMoreElements();
        } catch (IOException e) {
            return false;
        }
    }
}
