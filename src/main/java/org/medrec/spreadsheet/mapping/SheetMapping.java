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
 * gives one diagnosis per column, {@code diagnoses[*]} splits one cell's list.
 *
 * <p>{@code exact}: the sheet fits only when it has no header besides the columns read and
 * ignored (for exports whose files share headers). {@code fallbacks}: a column read only when
 * another column of the row is empty. {@code lookUps}: a column whose cell is a key of a
 * {@link SourceMapping.Lookup} table; the table's value is read in its place. {@code noValues}: what
 * a column holds where the system has no value (Synthea's ZIP {@code 00000}), read as empty.
 * Thread-safe.
 */
public record SheetMapping(String kind, List<String> headers, Map<String, List<String>> columns, Set<String> ignore,
                           boolean exact, Map<String, String> fallbacks, Map<String, String> lookUps,
                           Map<String, List<String>> noValues) {


    public SheetMapping {
        Objects.requireNonNull(kind, "kind");
        headers = List.copyOf(headers);
        Map<String, List<String>> normalised = new LinkedHashMap<>();
        columns.forEach((header, paths) -> normalised.put(normalise(header), List.copyOf(paths)));
        columns = java.util.Collections.unmodifiableMap(normalised);
        ignore = Set.copyOf(ignore.stream().map(SheetMapping::normalise).toList());
        fallbacks = normaliseKeys(fallbacks);
        lookUps = normaliseKeys(lookUps);
        Map<String, List<String>> placeholders = new LinkedHashMap<>();
        noValues.forEach((header, values) -> placeholders.put(normalise(header), List.copyOf(values)));
        noValues = java.util.Collections.unmodifiableMap(placeholders);
        if (headers.isEmpty()) {
            throw new IllegalArgumentException(kind + ": list the headers that identify this sheet");
        }
        for (String h : headers) {
            if (!columns.containsKey(normalise(h)) && !ignore.contains(normalise(h))) {
                throw new IllegalArgumentException(kind + ": identifying header '" + h + "' is neither read nor ignored");
            }
        }
        if (columns.values().stream().flatMap(List::stream).noneMatch(p -> p.equals("mrn"))) {
            throw new IllegalArgumentException(kind + ": no column gives the MRN");
        }
        for (String column : fallbacks.keySet()) {
            if (!columns.containsKey(column)) {
                throw new IllegalArgumentException(kind + ": fallback column '" + column + "' has no column mapping");
            }
        }
        for (String column : lookUps.keySet()) {
            if (!columns.containsKey(column)) {
                throw new IllegalArgumentException(kind + ": look-up column '" + column + "' has no column mapping");
            }
        }
    }

    /** A sheet kind without exact matching, fallbacks or look-ups. */
    public SheetMapping(String kind, List<String> headers, Map<String, List<String>> columns, Set<String> ignore) {
        this(kind, headers, columns, ignore, false, Map.of(), Map.of(), Map.of());
    }

    /**
     * Whether a sheet with these headers is this kind: every identifying header is present, and
     * for an exact kind no other header than those it reads or ignores.
     */
    public boolean matches(List<String> sheetHeaders) {
        Set<String> present = Set.copyOf(sheetHeaders.stream().map(SheetMapping::normalise).toList());
        return headers.stream().map(SheetMapping::normalise).allMatch(present::contains)
                && (!exact || unknownHeaders(sheetHeaders).isEmpty());
    }

    /** The paths of a column, or an empty list for a column this mapping does not read. */
    public List<String> pathsOf(String header) {
        return columns.getOrDefault(normalise(header), List.of());
    }

    /** The column that, when it has a value, makes this one unread; null when there is none. */
    public String fallbackOf(String header) {
        return fallbacks.get(normalise(header));
    }

    /** The look-up table whose key this column holds; null when the cell is read as it is. */
    public String lookUpOf(String header) {
        return lookUps.get(normalise(header));
    }

    /** Whether a cell of this column holds what the system writes for no value. */
    public boolean meansNoValue(String header, String text) {
        return noValues.getOrDefault(normalise(header), List.of()).contains(text.strip());
    }

    /** Headers of the sheet that this mapping neither reads nor ignores on purpose. */
    public List<String> unknownHeaders(List<String> sheetHeaders) {
        return sheetHeaders.stream().filter(h -> !normalise(h).isEmpty())
                .filter(h -> !columns.containsKey(normalise(h)) && !ignore.contains(normalise(h))).toList();
    }

    /** Headers compare without case, surrounding space or repeated inner space. */
    static String normalise(String header) {
        if (header == null) {
            return "";
        }
        // by hand: asked several times per cell, the regular expression was the most of a sheet's reading
        String s = header.strip();
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c) && (c != ' ' || (i + 1 < s.length() && isSpace(s.charAt(i + 1))))) {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
                out.append(' ');
                while (i + 1 < s.length() && isSpace(s.charAt(i + 1))) {
                    i++;
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return (out == null ? s : out.toString()).toLowerCase(Locale.ROOT);
    }

    /** Java's {@code \\s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static Map<String, String> normaliseKeys(Map<String, String> map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(normalise(k), v));
        return java.util.Collections.unmodifiableMap(out);
    }
}
