package io.github.mpeventloop.worker;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.mpeventloop.internal.call.PropertyReader;
import tools.jackson.databind.JsonNode;

/**
 * Reads the properties a proxy mirrors from the object that lives in the worker, each as
 * {@link PropertyReader} reads it (a field, else a getter; {@code null} when it cannot be read).
 */
final class Mirror {

    Map<String, Object> read(Object subject, JsonNode names) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (JsonNode name : names) {
            values.put(name.asString(), PropertyReader.read(subject, name.asString()));
        }
        return values;
    }
}
