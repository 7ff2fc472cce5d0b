package io.github.mpeventloop.spring.worker;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The beans of a worker's Spring context by name, with the class of each: what the application asks
 * one worker for once the loop has started, to refuse at submission a bean the workers lack.
 */
public final class WorkerBeanCatalog {

    private WorkerBeanCatalog() {
    }

    /**
     * Runs in a worker: its context's bean names and the user class of each bean.
     *
     * @return bean name to class name; empty when the worker started no Spring context
     */
    public static Map<String, String> describe() {
        ConfigurableApplicationContext context = SpringWorkerBootstrap.context();
        Map<String, String> beans = new TreeMap<>();
        if (context == null) {
            return beans;
        }
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name, false);
            if (type != null) {
                beans.put(name, ClassUtils.getUserClass(type).getName());
            }
        }
        return beans;
    }
}
