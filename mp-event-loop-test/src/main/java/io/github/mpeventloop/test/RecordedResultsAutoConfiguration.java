package io.github.mpeventloop.test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.mpeventloop.autoconfigure.MpEventLoopAutoConfiguration;

/**
 * Adds the {@link RecordedResults} handler; imported by {@link AutoConfigureRecordedResults}, never
 * by the application's own auto-configuration. The starter's registrar adds it to the loop, as any
 * {@link io.github.mpeventloop.ResultHandler} bean.
 */
@AutoConfiguration(after = MpEventLoopAutoConfiguration.class)
public final class RecordedResultsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RecordedResults mpEventLoopRecordedResults() {
        return new RecordedResults();
    }
}
