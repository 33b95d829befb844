package org.medrec.spreadsheet.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One kind of sheet of a legacy system (patients, visits, immunizations, billing): the headers
 * that identify it, and the record-model path(s) each column fills. Entry paths use {@code []}
 * for "this row's entry" ({@code immunizations[].date}); {@code diagnoses[]} in several columns
 * gives one diagnosis per column, {@code diagnoses[*]} splits one cell's list. Thread-safe.
 */
public record SheetMapping(String kind, List<String> headers, Map<String, List<String>> columns, Set<String> ignore) {

    public SheetMapping {
        Objects.requireNonNull(kind, "kind");
        headers = List.copyOf(headers);
        Map<String, List<String>> normalised = new LinkedHashMap<>();
        columns.forEach((header, paths) -> normalised.put(normalise(header), List.copyOf(paths)));
        columns = java.util.Collections.unmodifiableMap(normalised);
        ignore = Set.copyOf(ignore.stream().map(SheetMapping::normalise).toList());
        if (headers.isEmpty()) {
            throw new IllegalArgumentException(kind + ": list the headers that identify this sheet");
        }
        for (String h : headers) {
            if (!columns.containsKey(normalise(h))) {
                throw new IllegalArgumentException(kind + ": identifying header '" + h + "' has no column mapping");
            }
        }
        if (columns.values().stream().flatMap(List::stream).noneMatch(p -> p.equals("mrn"))) {
            throw new IllegalArgumentException(kind + ": no column gives the MRN");
        }
    }

    /** Whether a sheet with these headers is this kind: every identifying header is present. */
    public boolean matches(List<String> sheetHeaders) {
        Set<String> present = Set.copyOf(sheetHeaders.stream().map(SheetMapping::normalise).toList());
        return headers.stream().map(SheetMapping::normalise).allMatch(present::contains);
    }

    /** The paths of a column, or an empty list for a column this mapping does not read. */
    public List<String> pathsOf(String header) {
        return columns.getOrDefault(normalise(header), List.of());
    }

    /** Headers of the sheet that this mapping neither reads nor ignores on purpose. */
    public List<String> unknownHeaders(List<String> sheetHeaders) {
        return sheetHeaders.stream().filter(h -> !normalise(h).isEmpty())
                .filter(h -> !columns.containsKey(normalise(h)) && !ignore.contains(normalise(h))).toList();
    }

    /** Headers compare without case, surrounding space or repeated inner space. */
    static String normalise(String header) {
        return header == null ? "" : header.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
