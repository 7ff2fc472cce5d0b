package io.github.mpeventloop.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.util.ClassUtils;

import io.github.mpeventloop.autoconfigure.health.MpEventLoopHealthContributorAutoConfiguration;
import io.github.mpeventloop.autoconfigure.metrics.MpEventLoopMetricsAutoConfiguration;
import io.github.mpeventloop.autoconfigure.observation.MpEventLoopObservationAutoConfiguration;
import io.github.mpeventloop.autoconfigure.worker.MpEventLoopWorkerBeansAutoConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The metadata that IDEs read: every property is listed, with a description. */
class ConfigurationMetadataTests {

    @Test
    void everyPropertyIsListedWithADescription() throws IOException {
        Map<String, JsonNode> listed = listedProperties();
        List<String> expected = new ArrayList<>();
        collect("mp.event-loop", MpEventLoopProperties.class, expected);

        assertThat(expected).contains("mp.event-loop.workers", "mp.event-loop.queue.when-full",
                "mp.event-loop.worker.max-heap", "mp.event-loop.event.timeout", "mp.event-loop.restart.enabled",
                "mp.event-loop.shutdown.drain-timeout", "mp.event-loop.frame.max-size",
                "mp.event-loop.frame.max-nesting-depth", "mp.event-loop.frame.max-number-length",
                "mp.event-loop.frame.max-string-length");
        assertThat(listed.keySet()).containsAll(expected).contains("management.health.mp-event-loop.enabled");
        assertThat(listed).allSatisfy((name, property) -> assertThat(property.path("description").asString())
            .as("description of %s", name).isNotBlank().endsWith("."));
    }

    @Test
    void theBackendDescriptionNamesEveryBackend() throws IOException {
        String description = listedProperties().get("mp.event-loop.backend").path("description").asString();
        assertThat(description).contains("\"process\"", "\"thread\"", "\"hazelcast\"");
    }

    @Test
    void autoConfigurationsAreRegisteredAndTheClassesTheyOrderAgainstExist() throws Exception {
        List<Class<?>> registered = List.of(MpEventLoopAutoConfiguration.class,
                MpEventLoopHealthContributorAutoConfiguration.class, MpEventLoopMetricsAutoConfiguration.class,
                MpEventLoopObservationAutoConfiguration.class,
                MpEventLoopWorkerBeansAutoConfiguration.class);
        String imports;
        try (InputStream in = resource(
                "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports").openStream()) {
            imports = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(imports.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")))
            .containsExactlyInAnyOrderElementsOf(registered.stream().map(Class::getName).toList());
        for (Class<?> type : registered) {
            AutoConfiguration annotation = type.getAnnotation(AutoConfiguration.class);
            assertThat(java.lang.reflect.Modifier.isFinal(type.getModifiers())).as("%s is final", type).isTrue();
            for (String name : concat(annotation.afterName(), annotation.beforeName())) {
                assertThat(ClassUtils.isPresent(name, getClass().getClassLoader())).as("%s exists", name).isTrue();
            }
        }
    }

    private static List<String> concat(String[] first, String[] second) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(second));
        return all;
    }

    /** The property names of a JavaBean, going into the nested classes of the properties class. */
    private static void collect(String prefix, Class<?> type, Collection<String> names) {
        for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
            if (descriptor.getReadMethod() == null || descriptor.getName().equals("class")) {
                continue;
            }
            String name = prefix + "." + descriptor.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
            Class<?> propertyType = descriptor.getPropertyType();
            if (propertyType.getEnclosingClass() == MpEventLoopProperties.class && !propertyType.isEnum()) {
                collect(name, propertyType, names);
            } else if (descriptor.getWriteMethod() != null) {
                names.add(name);
            }
        }
    }

    private static Map<String, JsonNode> listedProperties() throws IOException {
        Map<String, JsonNode> properties = new TreeMap<>();
        try (InputStream in = resource("META-INF/spring-configuration-metadata.json").openStream()) {
            JsonNode metadata = JsonMapper.builder().build().readTree(in);
            for (JsonNode property : metadata.path("properties")) {
                properties.put(property.path("name").asString(), property);
            }
        }
        return properties;
    }

    /** A resource of this module's own jar or classes, not one of the same name from another jar. */
    private static URL resource(String path) throws IOException {
        URL base = MpEventLoopProperties.class.getProtectionDomain().getCodeSource().getLocation();
        for (URL url : java.util.Collections.list(ConfigurationMetadataTests.class.getClassLoader().getResources(path))) {
            if (url.toString().contains(base.toString().replaceFirst("^file:", ""))) {
                return url;
            }
        }
        throw new IllegalStateException(path + " not found under " + base);
    }
}
