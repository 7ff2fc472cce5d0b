package io.github.mpeventloop.spring.worker;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The JVM options that make each worker start its Spring context from {@code source} with the
 * application's profiles and configuration locations, so that {@code application.yml} and profiles
 * apply in the worker as in the application. Only names of profiles and locations travel, never
 * property values.
 */
public final class WorkerContextLaunch {

    private static final List<String> PASSED_ON = List.of("spring.config.name", "spring.config.location",
            "spring.config.additional-location");

    private WorkerContextLaunch() {
    }

    /** The options for workers whose context starts from {@code source}, as {@code environment} is configured. */
    public static List<String> jvmOptions(Class<?> source, Environment environment) {
        List<String> options = new ArrayList<>();
        options.add("-D" + SpringWorkerBootstrap.SOURCE_PROPERTY + "=" + source.getName());
        String[] profiles = environment.getActiveProfiles();
        if (profiles.length > 0) {
            options.add("-Dspring.profiles.active=" + StringUtils.arrayToCommaDelimitedString(profiles));
        }
        for (String property : PASSED_ON) {
            String value = environment.getProperty(property);
            if (StringUtils.hasText(value)) {
                options.add("-D" + property + "=" + value);
            }
        }
        return options;
    }
}
