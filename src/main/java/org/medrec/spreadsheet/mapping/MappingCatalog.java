package org.medrec.spreadsheet.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The source-system mappings of {@code jobs/mappings/*.yml}. A sheet is read only with the one
 * mapping whose identifying headers it has; none, or more than one, and it is not read by a
 * guess. Thread-safe (immutable once loaded).
 */
public final class MappingCatalog {

    /** A sheet kind of a source system that fits a sheet's headers. */
    public record Match(SourceMapping source, SheetMapping sheet) {
    }

    /** A look-up table of a source system that fits a sheet's headers. */
    public record LookupMatch(SourceMapping source, SourceMapping.Lookup lookup) {
    }

    private final List<SourceMapping> mappings;

    public MappingCatalog(List<SourceMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    public List<SourceMapping> mappings() {
        return mappings;
    }

    /** Loads every {@code *.yml} of a folder; a malformed file stops with its name and the problem. */
    public static MappingCatalog load(Path folder) {
        List<SourceMapping> loaded = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    String name = file.getFileName().toString().replaceFirst("\\.yml$", "");
                    loaded.add(parse(name, new Yaml(new SafeConstructor(new LoaderOptions())).load(in)));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("mapping " + file.getFileName() + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mappings in " + folder, e);
        }
        return new MappingCatalog(loaded);
    }

    /** The mappings that fit a sheet's headers: exactly one is usable, none or several mean "no guess". */
    public List<Match> candidates(List<String> headers) {
        List<Match> found = new ArrayList<>();
        for (SourceMapping source : mappings) {
            for (SheetMapping sheet : source.sheets()) {
                if (sheet.matches(headers)) {
                    found.add(new Match(source, sheet));
                }
            }
        }
        return found;
    }

    /** The look-up tables (files without patient data) that fit a sheet's headers. */
    public List<LookupMatch> lookupCandidates(List<String> headers) {
        List<LookupMatch> found = new ArrayList<>();
        for (SourceMapping source : mappings) {
            for (SourceMapping.Lookup lookup : source.lookups()) {
                if (lookup.matches(headers)) {
                    found.add(new LookupMatch(source, lookup));
                }
            }
        }
        return found;
    }

    public Optional<Match> match(List<String> headers) {
        List<Match> found = candidates(headers);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static SourceMapping parse(String name, Object yaml) {
        if (!(yaml instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException("expected a mapping at the top");
        }
        Map<String, Object> mrn = (Map<String, Object>) require(root, "mrn");
        Object pad = mrn.get("zero-pad");
        SourceMapping.MrnFormat mrnFormat = new SourceMapping.MrnFormat(
                Pattern.compile((String) require(mrn, "format")), pad == null ? null : ((Number) pad).intValue());
        List<SheetMapping> sheets = new ArrayList<>();
        Map<String, Object> sheetMaps = (Map<String, Object>) require(root, "sheets");
        sheetMaps.forEach((kind, value) -> {
            Map<String, Object> sheet = (Map<String, Object>) value;
            Map<String, List<String>> columns = new LinkedHashMap<>();
            ((Map<String, Object>) require(sheet, "columns")).forEach((header, paths) ->
                    columns.put(header, paths instanceof List<?> list ? (List<String>) list : List.of((String) paths)));
            sheets.add(new SheetMapping(kind, (List<String>) require(sheet, "headers"), columns,
                    new LinkedHashSet<>((List<String>) sheet.getOrDefault("ignore", List.of())),
                    Boolean.TRUE.equals(sheet.get("exact")),
                    (Map<String, String>) sheet.getOrDefault("fallback", Map.of()),
                    (Map<String, String>) sheet.getOrDefault("look-up", Map.of())));
        });
        List<SourceMapping.Lookup> lookups = new ArrayList<>();
        Map<String, Object> lookupMaps = root.get("lookups") == null ? Map.of() : (Map<String, Object>) root.get("lookups");
        lookupMaps.forEach((table, value) -> {
            Map<String, Object> lookup = (Map<String, Object>) value;
            lookups.add(new SourceMapping.Lookup(table, (List<String>) require(lookup, "headers"),
                    (String) require(lookup, "key"), (String) require(lookup, "value")));
        });
        return new SourceMapping(name, (String) root.get("system"), (String) require(root, "identifier-system"), mrnFormat,
                root.get("dates") == null ? List.of() : (List<String>) root.get("dates"),
                Boolean.TRUE.equals(root.get("decimal-comma")), sheets, lookups);
    }

    private static Object require(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is required");
        }
        return value;
    }
}
