package org.medrec.spreadsheet.mapping;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medrec.record.Failures;
import org.medrec.spreadsheet.HeaderLocator;
import org.medrec.spreadsheet.SheetInfo;
import org.medrec.spreadsheet.SheetRow;
import org.medrec.spreadsheet.TableHeader;
import org.medrec.spreadsheet.TableReader;

/**
 * The table of a {@link SourceMapping.Lookup}, read from the one file beside the imported file
 * whose headers fit it (a Synthea export's payers.csv beside its payer_transitions.csv). It is
 * found by its headers, not its name. When no file fits, or several do, nothing is looked up by
 * a guess, and {@link #problem()} says why. Thread-safe (immutable).
 *
 * @param file        the file the values come from (null when there is none)
 * @param values      key to value
 * @param conflicting keys that have two different values in the file
 * @param problem     why there is no table; null when there is one
 */
record LookupTable(String file, Map<String, String> values, Set<String> conflicting, String problem) {

    LookupTable {
        values = Map.copyOf(values);
        conflicting = Set.copyOf(conflicting);
    }

    /** What a key stands for: the value, or a null value and why. */
    record Found(String value, String problem) {
    }

    Found find(String key) {
        if (problem != null) {
            return new Found(null, problem);
        }
        if (conflicting.contains(key)) {
            return new Found(null, "'" + key + "' has two different values in " + file);
        }
        String value = values.get(key);
        return value == null ? new Found(null, "'" + key + "' is not in " + file) : new Found(value, null);
    }

    /** Reads the table from the one file among {@code siblings} (other than {@code self}) whose headers fit. */
    static LookupTable read(SourceMapping.Lookup lookup, Path self, List<Path> siblings, HeaderLocator locator) {
        List<Path> files = new ArrayList<>();
        List<SheetInfo> sheets = new ArrayList<>();
        List<TableHeader> headers = new ArrayList<>();
        for (Path sibling : siblings) {
            if (sibling.equals(self)) {
                continue;
            }
            try (TableReader reader = TableReader.open(sibling)) {
                for (SheetInfo sheet : reader.sheets()) {
                    Optional<TableHeader> header = header(reader, sheet, locator);
                    if (header.isPresent() && lookup.matches(header.get().names())) {
                        files.add(sibling);
                        sheets.add(sheet);
                        headers.add(header.get());
                    }
                }
            } catch (IOException | RuntimeException e) {
                // a file that cannot be read as a table is not the look-up table
            }
        }
        String what = "the export's " + lookup.name() + " file (headers " + lookup.headers() + ")";
        if (files.isEmpty()) {
            return missing("no file beside it is " + what);
        }
        if (files.size() > 1) {
            return missing(files.size() + " files beside it could be " + what + ": "
                    + files.stream().map(f -> f.getFileName().toString()).toList() + "; none is chosen by a guess");
        }
        return values(lookup, files.get(0), sheets.get(0), headers.get(0), locator);
    }

    private static LookupTable missing(String problem) {
        return new LookupTable(null, Map.of(), Set.of(), problem);
    }

    private static Optional<TableHeader> header(TableReader reader, SheetInfo sheet, HeaderLocator locator) throws IOException {
        List<SheetRow> leading = new ArrayList<>();
        int[] nonEmpty = {0};
        reader.read(sheet, row -> {
            leading.add(row);
            nonEmpty[0] += row.isEmpty() ? 0 : 1;
            return nonEmpty[0] < locator.lookaheadRows() && leading.size() < 10_000;
        });
        return locator.locate(sheet, leading);
    }

    private static LookupTable values(SourceMapping.Lookup lookup, Path file, SheetInfo sheet, TableHeader header,
                                      HeaderLocator locator) {
        int key = header.column(lookup.key()).orElseThrow().column();
        int value = header.column(lookup.value()).orElseThrow().column();
        Map<String, String> values = new HashMap<>();
        Set<String> conflicting = new HashSet<>();
        String name = file.getFileName().toString();
        try (TableReader reader = TableReader.open(file)) {
            locator.scan(reader, sheet, classified -> {
                if (!classified.isData()) {
                    return;
                }
                String k = classified.row().text(key).strip();
                String v = classified.row().text(value).strip();
                String known = k.isEmpty() || v.isEmpty() ? null : values.putIfAbsent(k, v);
                if (known != null && !known.equals(v)) {
                    conflicting.add(k);
                }
            });
        } catch (IOException | RuntimeException e) {
            return missing(name + " cannot be read (" + Failures.kind(e) + ")");
        }
        return new LookupTable(name, values, conflicting, null);
    }
}
