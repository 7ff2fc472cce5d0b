package io.github.mpeventloop.internal.worker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.mpeventloop.internal.call.PropertyReader;

/**
 * Reads the properties a proxy mirrors from the object that lives in the worker, each as
 * {@link PropertyReader} reads it (a field, else a getter; {@code null} when it cannot be read).
 */
final class Mirror {

    Map<String, Object> read(Object subject, List<String> names) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, PropertyReader.read(subject, name));
        }
        return values;
    }
}
