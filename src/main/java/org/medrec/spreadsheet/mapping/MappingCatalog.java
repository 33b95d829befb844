package org.medrec.spreadsheet.mapping;

import java.io.IOException;
import org.medrec.config.ConfigFileException;
import org.medrec.config.StrictYaml;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    /** A kind of file a source system exports and medrec does not migrate, that fits a sheet's headers. */
    public record NotMigratedMatch(SourceMapping source, SourceMapping.NotMigrated kind) {
    }

    private final List<SourceMapping> mappings;

    public MappingCatalog(List<SourceMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    public List<SourceMapping> mappings() {
        return mappings;
    }

    /**
     * Loads every {@code *.yml} of a folder. A malformed file, or a key no mapping knows, stops with
     * the file, the line and the key ({@link StrictYaml}).
     */
    public static MappingCatalog load(Path folder) {
        List<SourceMapping> loaded = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.yml$", "");
                MappingFile mapping = StrictYaml.read(file, MappingFile.class);
                try {
                    loaded.add(mapping.source(name));
                } catch (RuntimeException e) {
                    throw new ConfigFileException(file, 0, e.getMessage());
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

    /** The kinds of file not migrated by design that fit a sheet's headers. */
    public List<NotMigratedMatch> notMigratedCandidates(List<String> headers) {
        List<NotMigratedMatch> found = new ArrayList<>();
        for (SourceMapping source : mappings) {
            for (SourceMapping.NotMigrated kind : source.notMigrated()) {
                if (kind.matches(headers)) {
                    found.add(new NotMigratedMatch(source, kind));
                }
            }
        }
        return found;
    }

    public Optional<Match> match(List<String> headers) {
        List<Match> found = candidates(headers);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** A file of {@code jobs/mappings} as written (see jobs/README.md). */
    record MappingFile(String system, String identifierSystem, Mrn mrn, List<String> dates, boolean decimalComma,
                       Map<String, Sheet> sheets, Map<String, Lookup> lookups, Map<String, NotMigrated> notMigrated) {

        record Mrn(Pattern format, Integer zeroPad) {
        }

        record Sheet(List<String> headers, Map<String, List<String>> columns, List<String> ignore, boolean exact,
                     Map<String, String> fallback, Map<String, String> lookUp, Map<String, List<String>> noValue) {
        }

        record Lookup(List<String> headers, String key, String value, boolean optional) {
        }

        record NotMigrated(List<String> headers, String why) {
        }

        SourceMapping source(String name) {
            if (mrn == null || sheets == null) {
                throw new IllegalArgumentException("'mrn' and 'sheets' are required");
            }
            List<SheetMapping> kinds = new ArrayList<>();
            sheets.forEach((kind, sheet) -> kinds.add(new SheetMapping(kind, orEmpty(sheet.headers()),
                    sheet.columns() == null ? Map.of() : sheet.columns(), new LinkedHashSet<>(orEmpty(sheet.ignore())),
                    sheet.exact(), sheet.fallback() == null ? Map.of() : sheet.fallback(),
                    sheet.lookUp() == null ? Map.of() : sheet.lookUp(), sheet.noValue() == null ? Map.of() : sheet.noValue())));
            List<SourceMapping.Lookup> tables = new ArrayList<>();
            (lookups == null ? Map.<String, Lookup>of() : lookups).forEach((table, l) ->
                    tables.add(new SourceMapping.Lookup(table, orEmpty(l.headers()), l.key(), l.value(), l.optional())));
            List<SourceMapping.NotMigrated> left = new ArrayList<>();
            (notMigrated == null ? Map.<String, NotMigrated>of() : notMigrated).forEach((kind, n) ->
                    left.add(new SourceMapping.NotMigrated(kind, orEmpty(n.headers()), n.why())));
            return new SourceMapping(name, system, identifierSystem, new SourceMapping.MrnFormat(mrn.format(), mrn.zeroPad()),
                    orEmpty(dates), decimalComma, kinds, tables, left);
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }
}
