package io.github.mpeventloop.spring.worker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

import io.github.mpeventloop.spi.BeanDirectory;

/**
 * What the application knows of the beans in its workers' Spring context, learnt from one worker
 * once the loop has started ({@link WorkerBeanCatalog}). Until then it refuses nothing, and the
 * worker refuses a missing bean itself, with the same message.
 */
public final class WorkerBeanDirectory implements BeanDirectory {

    private final String source;
    private volatile @Nullable Map<String, Class<?>> beans;

    /**
     * A directory that knows nothing yet.
     *
     * @param source the configuration class the worker contexts start from, for messages
     */
    public WorkerBeanDirectory(String source) {
        this.source = source;
    }

    /**
     * Learns the workers' beans, as {@link WorkerBeanCatalog#describe()} listed them; a bean whose
     * class this JVM cannot load is left out.
     */
    public void learn(Map<String, String> catalog, ClassLoader loader) {
        Map<String, Class<?>> known = new LinkedHashMap<>();
        catalog.forEach((name, className) -> {
            try {
                known.put(name, ClassUtils.forName(className, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // a worker-only class: no bean target of this JVM can name it
            }
        });
        this.beans = known;
    }

    /** Whether the workers' beans are known. */
    public boolean isKnown() {
        return beans != null;
    }

    @Override
    public void check(Class<?> type, @Nullable String name) {
        Map<String, Class<?>> known = beans;
        if (known == null) {
            return;
        }
        if (name != null) {
            Class<?> actual = known.get(name);
            if (actual == null) {
                throw new BeanNotInWorkerException(missing(type, name, source));
            }
            if (!type.isAssignableFrom(actual)) {
                throw new BeanNotInWorkerException(wrongType(type, name, actual));
            }
            return;
        }
        List<String> candidates = new ArrayList<>();
        known.forEach((beanName, actual) -> {
            if (type.isAssignableFrom(actual)) {
                candidates.add(beanName);
            }
        });
        if (candidates.isEmpty()) {
            throw new BeanNotInWorkerException(missing(type, null, source));
        }
        if (candidates.size() > 1) {
            throw new BeanNotInWorkerException(several(type, candidates));
        }
    }

    static String missing(Class<?> type, @Nullable String name, String source) {
        String bean = name == null ? "bean of type " + type.getName() : "bean '" + name + "' of type " + type.getName();
        return "no " + bean + " in the workers' Spring context (started from " + source + "): define it in that "
                + "configuration (or name another with mp.event-loop.worker.context.configuration), and do not keep "
                + "it out of workers with @ConditionalOnNotWorker or another condition";
    }

    static String several(Class<?> type, @Nullable Collection<String> names) {
        return "several beans of type " + type.getName() + " in the workers' Spring context " + names
                + ": name the one to run on (CallEvent.beanNamed(name))";
    }

    static String wrongType(Class<?> type, @Nullable String name, Class<?> actual) {
        return "bean '" + name + "' in the workers' Spring context is a " + actual.getName() + ", not a "
                + type.getName() + ": name a bean of that type";
    }
}
