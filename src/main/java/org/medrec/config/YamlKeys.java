package org.medrec.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Checks the keys of a YAML document against the records it is bound to, in document order, with
 * the line of each key: the first key a record does not have is reported where it stands (Jackson
 * reports unknown keys of records only after the record, and after any key they left missing).
 * Keys are the record's components in kebab-case, or the {@code @JsonProperty} names of its
 * {@code @JsonCreator} factory. Stateless.
 */
final class YamlKeys {

    private YamlKeys() {
    }

    /** The parser stands on the document's first token. */
    static void check(Path file, JsonParser parser, Type type) {
        check(file, parser, type, "");
    }

    private static void check(Path file, JsonParser parser, Type type, String at) {
        Class<?> raw = raw(type);
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT && raw.isRecord()) {
            Map<String, Type> keys = keys(raw);
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                Type child = keys.get(key);
                if (child == null) {
                    throw new ConfigFileException(file, parser.currentLocation().getLineNr(), "unknown key '" + key + "'"
                            + (at.isEmpty() ? "" : " (in " + at + ")") + "; the keys there are: "
                            + String.join(", ", new TreeSet<>(keys.keySet())));
                }
                parser.nextToken();
                check(file, parser, child, at.isEmpty() ? key : at + "." + key);
            }
        } else if (token == JsonToken.START_OBJECT && Map.class.isAssignableFrom(raw)) {
            Type values = argument(type, 1);
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                check(file, parser, values, (at.isEmpty() ? "" : at + ".") + key);
            }
        } else if (token == JsonToken.START_ARRAY && List.class.isAssignableFrom(raw)) {
            Type elements = argument(type, 0);
            for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                check(file, parser, elements, at + "[" + i + "]");
            }
        } else {
            parser.skipChildren();   // a value, or a shape the binding itself will judge
        }
    }

    /** The keys of a record and the type each one holds. */
    private static Map<String, Type> keys(Class<?> record) {
        Map<String, Type> keys = new LinkedHashMap<>();
        for (Method m : record.getDeclaredMethods()) {
            JsonCreator creator = m.getAnnotation(JsonCreator.class);
            if (creator != null && Modifier.isStatic(m.getModifiers()) && creator.mode() != JsonCreator.Mode.DELEGATING) {
                for (Parameter p : m.getParameters()) {
                    keys.put(p.getAnnotation(JsonProperty.class).value(), p.getParameterizedType());
                }
                return keys;
            }
        }
        for (RecordComponent c : record.getRecordComponents()) {
            JsonProperty named = c.getAnnotation(JsonProperty.class);
            keys.put(named != null ? named.value() : kebab(c.getName()), c.getGenericType());
        }
        return keys;
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : type instanceof Class<?> c ? c : Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }
}
