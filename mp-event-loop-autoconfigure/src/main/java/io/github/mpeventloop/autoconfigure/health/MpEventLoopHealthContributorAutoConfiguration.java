package io.github.mpeventloop.autoconfigure.health;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.autoconfigure.MpEventLoopAutoConfiguration;
import io.github.mpeventloop.spring.health.EventLoopHealthIndicator;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * health contributor of the application's event loops, shown as {@code mpEventLoop} (or one
 * component per {@link EventLoop} bean). Turned off by
 * {@code management.health.mp-event-loop.enabled=false}.
 */
@AutoConfiguration(after = MpEventLoopAutoConfiguration.class,
        beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass({ EventLoop.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(EventLoop.class)
@ConditionalOnEnabledHealthIndicator("mp-event-loop")
public final class MpEventLoopHealthContributorAutoConfiguration
        extends CompositeHealthContributorConfiguration<EventLoopHealthIndicator, EventLoop> {

    MpEventLoopHealthContributorAutoConfiguration() {
        super(EventLoopHealthIndicator::new);
    }

    @Bean
    @ConditionalOnMissingBean(name = { "mpEventLoopHealthIndicator", "mpEventLoopHealthContributor" })
    HealthContributor mpEventLoopHealthContributor(ConfigurableListableBeanFactory beanFactory) {
        return createContributor(beanFactory, EventLoop.class);
    }
}
