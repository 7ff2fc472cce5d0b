package io.github.mpeventloop.beans;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** An application whose workers start its own context: the beans-in-workers tests run it. */
@SpringBootApplication
@EnableConfigurationProperties(RenderProperties.class)
public class BeansApplication {
}
