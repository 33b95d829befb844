package org.medrec.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the YAML files users edit under {@code jobs/} into records, strictly: a key the record does
 * not have is an error naming the file, the line, the key and the keys that exist there, so that a
 * misspelt key never goes unnoticed. Keys are kebab-case ({@code doc-type} for {@code docType}).
 * A value the record needs must be checked by the record itself (its compact constructor).
 * Thread-safe.
 */
public final class StrictYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)   // a flag left out is false
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)   // one spelling without [ ]
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StrictYaml() {
    }

    public static <T> T read(Path file, Class<T> type) {
        T value;
        try {
            try (InputStream in = Files.newInputStream(file); JsonParser keys = YAML.createParser(in)) {
                if (keys.nextToken() != null) {
                    YamlKeys.check(file, keys, type);   // first, so that an unknown key is named before what it leaves missing
                }
            }
            try (InputStream in = Files.newInputStream(file)) {
                value = YAML.readValue(in, type);
            }
        } catch (ConfigFileException e) {
            throw e;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().collect(Collectors.joining(", "));
            throw new ConfigFileException(file, line(e), "unknown key '" + e.getPropertyName() + "'" + where(e, 1)
                    + (known.isEmpty() ? "" : "; the keys there are: " + known));
        } catch (ValueInstantiationException e) {   // a record refused the value: its own message says why
            String why = e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage();
            throw new ConfigFileException(file, line(e), firstLine(why) + where(e, 0));
        } catch (JacksonException e) {
            throw new ConfigFileException(file, line(e), firstLine(e.getOriginalMessage()) + where(e, 0));
        } catch (IllegalArgumentException e) {
            throw new ConfigFileException(file, 0, firstLine(e.getMessage()));
        } catch (IOException e) {
            throw new ConfigFileException(file, 0, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (value == null) {
            throw new ConfigFileException(file, 0, "is empty");
        }
        return value;
    }

    private static int line(JacksonException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /** Where in the file's structure: {@code tables[0].columns}, leaving out the last {@code skip} steps. */
    private static String where(JacksonException e, int skip) {
        List<JacksonException.Reference> path = e.getPath();
        if (path == null || path.size() <= skip) {
            return "";
        }
        StringBuilder at = new StringBuilder();
        for (JacksonException.Reference step : path.subList(0, path.size() - skip)) {
            if (step.getPropertyName() != null) {
                at.append(at.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                at.append('[').append(step.getIndex()).append(']');
            }
        }
        return at.isEmpty() ? "" : " (in " + at + ")";
    }

    private static String firstLine(String message) {
        return message == null ? "malformed" : message.lines().findFirst().orElse("malformed");
    }
}
