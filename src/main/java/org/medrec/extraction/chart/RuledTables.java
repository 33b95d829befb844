package org.medrec.extraction.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the rows of a table a form prints. The header line names the columns (the spellings of
 * the table's spec); each word below goes to the column whose caption it stands under (the one
 * it overlaps, else the nearest to its left). A line with a value in the key column starts a row;
 * a line close under a row with words only in text columns continues it (a description that
 * wraps); anything else ends the table. A header repeated on the next page continues it.
 * Thread-safe (immutable).
 */
final class RuledTables {

    /** A column caption: its field and where it stands. */
    record Column(String field, int left, int right) {
    }

    /** A row: the cells by field. */
    record Row(Map<String, Cell> cells, ChartLine first) {
    }

    private RuledTables() {
    }

    /** The header line's columns, or an empty list when the line is not this table's header. */
    static List<Column> header(ChartLine line, TableSpec spec) {
        List<Column> columns = new ArrayList<>();
        int i = 0;
        List<ChartWord> words = line.words();
        while (i < words.size()) {
            String best = null;
            int bestEnd = i;
            for (Map.Entry<String, List<String>> column : spec.columns().entrySet()) {
                int n = Phrases.startsWith(line.span(i, words.size()), column.getValue());
                if (n > 0 && i + n > bestEnd && !taken(columns, column.getKey())) {
                    best = column.getKey();
                    bestEnd = i + n;
                }
            }
            if (best != null) {
                columns.add(new Column(best, words.get(i).left(), words.get(bestEnd - 1).right()));
                i = bestEnd;
            } else {
                i++;
            }
        }
        boolean all = spec.required().stream().allMatch(r -> taken(columns, r));
        return all && columns.size() >= 2 ? columns : List.of();
    }

    private static boolean taken(List<Column> columns, String field) {
        return columns.stream().anyMatch(c -> c.field().equals(field));
    }

    /** Every row of the spec's tables in the document, in order. */
    static List<Row> read(List<ChartLine> lines, TableSpec spec, java.util.function.Predicate<ChartLine> stop) {
        List<Row> rows = new ArrayList<>();
        List<Column> columns = List.of();
        Row open = null;
        ChartLine previous = null;
        for (ChartLine line : lines) {
            List<Column> header = header(line, spec);
            if (!header.isEmpty()) {
                columns = header;
                open = null;
                previous = line;
                continue;
            }
            if (columns.isEmpty()) {
                continue;
            }
            if (previous != null && (line.page() != previous.page() || stop.test(line)
                    || line.top() - previous.bottom() > 2.5 * line.height())) {
                columns = List.of();
                open = null;
                continue;
            }
            Map<String, Cell> cells = cells(line, columns);
            Cell key = cells.get(spec.key());
            if ((key != null && startsRow(spec.key(), key.text())) || (key == null && rowLike(cells))) {
                open = new Row(cells, line);
                rows.add(open);
            } else if (open != null && continues(cells, spec)) {
                Map<String, Cell> target = open.cells();
                cells.forEach((field, cell) -> target.merge(field, cell, (a, b) -> a.plus(b.parts().get(0))));
            } else {
                columns = List.of();
                open = null;
                continue;
            }
            previous = line;
        }
        return rows;
    }

    private static boolean startsRow(String key, String text) {
        if (Phrases.contains(Phrases.folded(text), "total") || Phrases.contains(Phrases.folded(text), "totals")) {
            return false;
        }
        return switch (key) {
            case "date" -> text.chars().filter(Character::isDigit).count() >= 3;
            default -> text.chars().filter(Character::isLetter).count() >= 2;
        };
    }

    /** A line under a header with values in two columns or more is a row even when its key was not read. */
    private static boolean rowLike(Map<String, Cell> cells) {
        return cells.size() >= 2 && cells.values().stream().noneMatch(c -> Phrases.contains(Phrases.folded(c.text()), "total"));
    }

    private static boolean continues(Map<String, Cell> cells, TableSpec spec) {
        for (String field : cells.keySet()) {
            if (!List.of("description", "vaccine", "name", "display", "provider", "substance", "reaction").contains(field)) {
                return false;
            }
        }
        return !cells.isEmpty();
    }

    /** The line's words by column, each column's words as one span. */
    static Map<String, Cell> cells(ChartLine line, List<Column> columns) {
        Map<String, int[]> ranges = new LinkedHashMap<>();
        double slack = 0.3 * line.height();
        for (int i = 0; i < line.words().size(); i++) {
            ChartWord w = line.words().get(i);
            if (LabelText.separator(w.text())) {
                continue;
            }
            Column best = null;
            double bestOverlap = 0;
            for (Column c : columns) {
                double overlap = Math.min(w.right(), c.right() + slack) - Math.max(w.left(), c.left() - slack);
                if (overlap > bestOverlap) {
                    best = c;
                    bestOverlap = overlap;
                }
            }
            if (best == null) {
                for (Column c : columns) {
                    if (c.left() - slack <= w.left()) {
                        best = c;
                    }
                }
                best = best == null ? columns.get(0) : best;
            }
            int[] range = ranges.get(best.field());
            ranges.put(best.field(), range == null ? new int[] {i, i + 1} : new int[] {range[0], i + 1});
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        ranges.forEach((field, r) -> {
            int from = r[0], to = r[1];
            while (to > from && LabelText.separator(line.words().get(to - 1).text())) {
                to--;
            }
            cells.put(field, Cell.of(line.span(from, to)));
        });
        return cells;
    }
}
