package io.github.mpeventloop.spring.worker;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanNotOfRequiredTypeException;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.context.ApplicationContext;

import io.github.mpeventloop.spi.bootstrap.WorkerBeans;

/** The beans of a worker's Spring context, for bean targets; a missing bean is refused naming the bean and the fix. */
final class ContextBeans implements WorkerBeans {

    private final ApplicationContext context;
    private final String source;

    ContextBeans(ApplicationContext context, String source) {
        this.context = context;
        this.source = source;
    }

    @Override
    public Object bean(Class<?> type, @Nullable String name) {
        try {
            return name == null ? context.getBean(type) : context.getBean(name, type);
        } catch (NoUniqueBeanDefinitionException e) {
            throw new BeanNotInWorkerException(WorkerBeanDirectory.several(type, e.getBeanNamesFound()));
        } catch (BeanNotOfRequiredTypeException e) {
            throw new BeanNotInWorkerException(WorkerBeanDirectory.wrongType(type, name, e.getActualType()));
        } catch (NoSuchBeanDefinitionException e) {
            throw new BeanNotInWorkerException(WorkerBeanDirectory.missing(type, name, source));
        }
    }
}
