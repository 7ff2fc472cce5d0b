package io.github.mpeventloop.spring;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.OrderUtils;
import org.springframework.util.Assert;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.ResultHandler;

/**
 * Finds output handlers among the singleton beans, beans implementing {@link ResultHandler} and
 * methods annotated with {@link OutputHandler @OutputHandler}, and adds them to their
 * {@link EventLoop} once all singletons exist (before the loops start): the loop a method names
 * ({@link OutputHandler#loop()}), else the only loop bean or the {@code @Primary} one. Each loop
 * gets its handlers in order: the
 * {@code @Order} of a method, else of its bean (its {@code @Bean} method, {@link Ordered}, or its
 * class); ties keep the order in which the beans were defined. A singleton created later is added
 * at the end.
 *
 * <p>Declare it as a {@code static @Bean}: it is a {@link BeanPostProcessor}.
 */
public class OutputHandlerRegistrar implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware {

    private static final Logger LOG = LoggerFactory.getLogger(OutputHandlerRegistrar.class);

    private @Nullable ConfigurableListableBeanFactory beanFactory;
    private final Map<String, Object> found = new LinkedHashMap<>();
    private volatile @Nullable Loops registeredTo;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
        Assert.isInstanceOf(ConfigurableListableBeanFactory.class, beanFactory,
                "OutputHandlerRegistrar needs a ConfigurableListableBeanFactory");
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (!isCandidate(bean) || !isSingleton(beanName)) {
            return bean;
        }
        Loops loops = this.registeredTo;
        if (loops != null) {
            List<Registration> late = handlers(beanName, bean);
            late.sort(Comparator.comparingInt(Registration::order));
            late.forEach(registration -> loops.of(registration).addOutputHandler(registration.handler()));
            LOG.debug("Added output handlers of bean '{}', created after the others, at the end: {}", beanName, late);
        } else {
            synchronized (this.found) {
                this.found.put(beanName, bean);
            }
        }
        return bean;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ConfigurableListableBeanFactory factory = requireBeanFactory();
        Loops loops = new Loops(factory.getBeansOfType(EventLoop.class), factory.getBeanProvider(EventLoop.class)
            .getIfUnique());
        List<Registration> registrations = new ArrayList<>();
        synchronized (this.found) {
            List<String> definitionOrder = Arrays.asList(factory.getBeanDefinitionNames());
            List<Map.Entry<String, Object>> beans = new ArrayList<>(this.found.entrySet());
            beans.sort(Comparator.comparingInt(entry -> position(definitionOrder, entry.getKey())));
            for (Map.Entry<String, Object> entry : beans) {
                Object bean = factory.containsSingleton(entry.getKey()) ? factory.getSingleton(entry.getKey()) : null;
                registrations.addAll(handlers(entry.getKey(), (bean != null) ? bean : entry.getValue()));
            }
            this.found.clear();
        }
        registrations.sort(Comparator.comparingInt(Registration::order));
        Map<EventLoop, List<Registration>> byLoop = new LinkedHashMap<>();
        for (Registration registration : registrations) {
            byLoop.computeIfAbsent(loops.of(registration), loop -> new ArrayList<>()).add(registration);
        }
        byLoop.forEach((loop, handlers) -> {
            handlers.forEach(registration -> loop.addOutputHandler(registration.handler()));
            LOG.debug("Registered output handlers of event loop '{}': {}", loop.name(), handlers);
        });
        this.registeredTo = loops;
    }

    private static int position(List<String> names, String name) {
        int index = names.indexOf(name);
        return (index < 0) ? Integer.MAX_VALUE : index;
    }

    /**
     * Whether beans of {@code type} contribute output handlers: they implement {@link ResultHandler}
     * or have {@link OutputHandler @OutputHandler} methods. Such beans must not be lazy.
     *
     * @param type a bean type
     * @return whether it is a handler type
     */
    public static boolean isHandlerType(Class<?> type) {
        return ResultHandler.class.isAssignableFrom(type) || !MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<OutputHandler>) method -> AnnotatedElementUtils
                    .findMergedAnnotation(method, OutputHandler.class)).isEmpty();
    }

    private static boolean isCandidate(Object bean) {
        if (bean instanceof EventLoop) {
            return false;
        }
        return bean instanceof ResultHandler || !handlerMethods(bean).isEmpty();
    }

    private static Map<Method, OutputHandler> handlerMethods(Object bean) {
        return MethodIntrospector.selectMethods(AopProxyUtils.ultimateTargetClass(bean),
                (MethodIntrospector.MetadataLookup<OutputHandler>) method -> AnnotatedElementUtils
                    .findMergedAnnotation(method, OutputHandler.class));
    }

    /** The handlers a bean contributes: itself if it is a {@link ResultHandler}, then its annotated methods. */
    private List<Registration> handlers(String beanName, Object bean) {
        List<Registration> registrations = new ArrayList<>();
        if (bean instanceof EventLoop) {
            return registrations;
        }
        int beanOrder = beanOrder(beanName, bean);
        if (bean instanceof ResultHandler handler) {
            registrations.add(new Registration(handler, beanOrder, ""));
        }
        handlerMethods(bean).entrySet().stream()
            .sorted(Comparator.comparing(entry -> entry.getKey().toGenericString()))
            .forEach(entry -> {
                Method invocable = AopUtils.selectInvocableMethod(entry.getKey(), bean.getClass());
                Integer methodOrder = OrderUtils.getOrder(entry.getKey());
                OutputHandlerMethod handler = new OutputHandlerMethod(bean, invocable, entry.getValue());
                registrations.add(new Registration(handler, (methodOrder != null) ? methodOrder : beanOrder,
                        handler.loop()));
            });
        return registrations;
    }

    private int beanOrder(String beanName, Object bean) {
        ConfigurableListableBeanFactory factory = requireBeanFactory();
        if (factory.containsBeanDefinition(beanName)) {
            BeanDefinition definition = factory.getMergedBeanDefinition(beanName);
            if (definition instanceof RootBeanDefinition root && root.getResolvedFactoryMethod() != null) {
                Integer order = OrderUtils.getOrder(root.getResolvedFactoryMethod());
                if (order != null) {
                    return order;
                }
            }
        }
        if (bean instanceof Ordered ordered) {
            return ordered.getOrder();
        }
        return OrderUtils.getOrder(AopProxyUtils.ultimateTargetClass(bean), Ordered.LOWEST_PRECEDENCE);
    }

    private boolean isSingleton(String beanName) {
        ConfigurableListableBeanFactory factory = requireBeanFactory();
        try {
            return factory.containsBeanDefinition(beanName) && factory.getMergedBeanDefinition(beanName).isSingleton();
        } catch (NoSuchBeanDefinitionException ex) {
            return false;
        }
    }

    private ConfigurableListableBeanFactory requireBeanFactory() {
        ConfigurableListableBeanFactory factory = this.beanFactory;
        Assert.state(factory != null, "No bean factory set");
        return factory;
    }

    /** A handler, its order, and the loop it names (empty for the default one). */
    private record Registration(ResultHandler handler, int order, String loop) {
    }

    /** The loop beans, by bean name, and the default one (the only or the primary loop). */
    private record Loops(Map<String, EventLoop> byBeanName, @Nullable EventLoop defaultLoop) {

        EventLoop of(Registration registration) {
            if (registration.loop().isEmpty()) {
                if (this.defaultLoop == null) {
                    throw new IllegalStateException("Output handler " + registration.handler() + " needs an event "
                            + "loop: " + describe() + "; name one with @OutputHandler(loop = \"...\"), or mark one "
                            + "loop @Primary");
                }
                return this.defaultLoop;
            }
            EventLoop named = this.byBeanName.get(registration.loop());
            if (named != null) {
                return named;
            }
            return this.byBeanName.values().stream().filter(loop -> loop.name().equals(registration.loop()))
                .findFirst().orElseThrow(() -> new IllegalStateException("Output handler " + registration.handler()
                        + " names event loop '" + registration.loop() + "', but " + describe()));
        }

        private String describe() {
            if (this.byBeanName.isEmpty()) {
                return "there is no EventLoop bean";
            }
            return "the EventLoop beans are " + this.byBeanName.entrySet().stream()
                .map(entry -> "'" + entry.getKey() + "' (loop '" + entry.getValue().name() + "')")
                .collect(Collectors.joining(", ")) + (this.defaultLoop == null ? ", none of them primary" : "");
        }
    }
}
