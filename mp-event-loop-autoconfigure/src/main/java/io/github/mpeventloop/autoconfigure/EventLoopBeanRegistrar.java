package io.github.mpeventloop.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.util.Assert;

import io.github.mpeventloop.EventLoop;

/**
 * Registers one bean of a type per {@link EventLoop} bean, named after it ({@code mpEventLoop} gets
 * {@code mpEventLoop<suffix>}), so that the lifecycle, the meters and the observations cover every
 * loop the application declares, not only a single one. Backs off when the application defines a
 * bean of that type itself. Declare it as a {@code static @Bean}: it runs while bean definitions are
 * registered, and finds the loops by their declared types, without creating them.
 *
 * @param <T> the type of the beans
 */
public final class EventLoopBeanRegistrar<T> implements BeanDefinitionRegistryPostProcessor {

    private final Class<T> type;
    private final String suffix;
    private final BiFunction<BeanFactory, String, T> factory;

    /**
     * Creates a registrar.
     *
     * @param type the type of the beans
     * @param suffix appended to the loop's bean name to name each bean
     * @param factory makes the bean of a loop, from the bean factory and the loop's bean name
     */
    public EventLoopBeanRegistrar(Class<T> type, String suffix, BiFunction<BeanFactory, String, T> factory) {
        this.type = type;
        this.suffix = suffix;
        this.factory = factory;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
        Assert.isInstanceOf(ConfigurableListableBeanFactory.class, registry,
                "EventLoopBeanRegistrar needs a ConfigurableListableBeanFactory");
        ConfigurableListableBeanFactory beanFactory = (ConfigurableListableBeanFactory) registry;
        if (beanFactory.getBeanNamesForType(this.type, true, false).length > 0) {
            return;
        }
        for (String loopName : loopBeanNames(beanFactory)) {
            String name = loopName + this.suffix;
            if (registry.containsBeanDefinition(name)) {
                continue;
            }
            RootBeanDefinition definition = new RootBeanDefinition(this.type,
                    () -> this.factory.apply(beanFactory, loopName));
            definition.setDependsOn(loopName);
            registry.registerBeanDefinition(name, definition);
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
    }

    /** The names of the {@link EventLoop} beans, found without creating them. */
    static List<String> loopBeanNames(ConfigurableListableBeanFactory beanFactory) {
        return new ArrayList<>(List.of(beanFactory.getBeanNamesForType(EventLoop.class, true, false)));
    }
}
