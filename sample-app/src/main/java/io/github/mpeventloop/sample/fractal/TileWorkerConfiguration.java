package io.github.mpeventloop.sample.fractal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.mpeventloop.spring.worker.ConditionalOnWorker;

/**
 * What each worker's Spring context holds ({@code mp.event-loop.worker.context.configuration}): the
 * tile renderer and its settings, and nothing of the web application. Only in workers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWorker
@EnableConfigurationProperties(TileRendererProperties.class)
public class TileWorkerConfiguration {

    @Bean
    TileRenderer tileRenderer(TileRendererProperties settings) {
        return new TileRenderer(settings);
    }
}
