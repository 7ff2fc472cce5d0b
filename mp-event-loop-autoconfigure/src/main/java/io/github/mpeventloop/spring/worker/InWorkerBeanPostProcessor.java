package io.github.mpeventloop.spring.worker;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

import io.github.mpeventloop.EventLoop;

/**
 * Proxies the beans that have {@link InWorker @InWorker} methods, as Spring's
 * {@code AsyncAnnotationBeanPostProcessor} does for {@code @Async}: a call of such a method becomes
 * an event for the loop (see {@link InWorkerInterceptor}). A method whose return type cannot be
 * honoured, or whose timeout cannot be read, fails the bean's creation with a message naming it.
 * Keeps the list of proxied methods, which {@link WorkerBeansVerifier} checks against the workers'
 * context at start-up. Registered only in the application, never in a worker's context, where the
 * methods run for real.
 */
public class InWorkerBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware, BeanClassLoaderAware, Ordered {

    private static final Set<Class<?>> RETURN_TYPES = Set.of(void.class, CompletableFuture.class,
            CompletionStage.class, Iterable.class, Flow.Publisher.class, Stream.class);

    /** One proxied method: the bean's name and class, and the method. */
    public record InWorkerMethod(String beanName, Class<?> beanType, Method method) {

        @Override
        public String toString() {
            return "@InWorker method " + beanType.getSimpleName() + "." + method.getName() + " of bean '" + beanName + "'";
        }
    }

    private final List<InWorkerMethod> methods = new CopyOnWriteArrayList<>();
    private @Nullable BeanFactory beanFactory;
    private @Nullable ClassLoader classLoader = ClassUtils.getDefaultClassLoader();

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> beanType = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
        Map<Method, InWorker> annotated = MethodIntrospector.selectMethods(beanType,
                (MethodIntrospector.MetadataLookup<InWorker>) method ->
                        AnnotatedElementUtils.findMergedAnnotation(method, InWorker.class));
        if (annotated.isEmpty()) {
            return bean;
        }
        List<InWorkerMethod> found = new ArrayList<>();
        annotated.forEach((method, spec) -> {
            InWorkerMethod entry = new InWorkerMethod(beanName, beanType, method);
            check(entry, spec);
            found.add(entry);
        });
        Advisor advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, InWorker.class, true),
                new InWorkerInterceptor(beanName, beanType, this::loop));
        Object proxied;
        if (bean instanceof Advised advised && !advised.isFrozen() && AopUtils.isAopProxy(bean)) {
            advised.addAdvisor(0, advisor);
            proxied = bean;
        } else {
            ProxyFactory factory = new ProxyFactory(bean);
            factory.setProxyTargetClass(true);
            factory.addAdvisor(advisor);
            proxied = factory.getProxy(classLoader);
        }
        methods.addAll(found);
        return proxied;
    }

    private static void check(InWorkerMethod entry, InWorker spec) {
        Class<?> returned = entry.method().getReturnType();
        if (!RETURN_TYPES.contains(returned)) {
            throw new IllegalStateException(entry + " returns " + returned.getName() + ", which a call in a worker "
                    + "cannot give back at once: return CompletableFuture<" + returned.getSimpleName() + "> (in the "
                    + "worker, CompletableFuture.completedFuture(value), as with @Async), an Iterable, Stream or "
                    + "Flow.Publisher of items, or void");
        }
        if (!spec.timeout().isEmpty()) {
            try {
                DurationStyle.detectAndParse(spec.timeout());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(entry + " has timeout \"" + spec.timeout() + "\", which is not a "
                        + "duration: write it as \"5s\", \"500ms\" or \"PT5S\"", e);
            }
        }
    }

    private EventLoop loop(String name) {
        BeanFactory factory = beanFactory;
        if (factory == null) {
            throw new IllegalStateException("@InWorker proxies need a bean factory to find their EventLoop");
        }
        if (!name.isEmpty()) {
            return factory.getBean(name, EventLoop.class);
        }
        EventLoop loop = factory.getBeanProvider(EventLoop.class).getIfUnique();
        if (loop == null) {
            throw new IllegalStateException("an @InWorker method needs one EventLoop bean, or the name of one in "
                    + "@InWorker(loop = \"...\")");
        }
        return loop;
    }

    /** The methods proxied so far. */
    public List<InWorkerMethod> methods() {
        return List.copyOf(methods);
    }
}
