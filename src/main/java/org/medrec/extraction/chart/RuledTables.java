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
 * wraps); anything else ends the table. A header repeated on the next page continues it, and so
 * does a row under the same columns among the first lines of the next page (a page that repeats
 * only the letterhead and the patient's name).
 * Thread-safe (immutable).
 */
final class RuledTables {

    /** A column caption: its field and where it stands. */
    record Column(String field, int left, int right) {
    }

    /** A row: the cells by field, and the fields whose columns the table prints (its header's, or its shape's). */
    record Row(Map<String, Cell> cells, ChartLine first, java.util.Set<String> columns) {

        Row(Map<String, Cell> cells, ChartLine first) {
            this(cells, first, cells.keySet());
        }

        Row {
            columns = java.util.Set.copyOf(columns);
        }
    }

    /** The columns of a table that ran to the foot of a page, which the next page may continue without its header. */
    private record Carried(List<Column> columns, int page) {
    }

    /** At most this many lines (a letterhead, the patient's name and number) head a page before its rows go on. */
    private static final int PAGE_HEADER_LINES = 6;

    /** Rows of a ruled table stand at most this many line heights apart (tall ruled rows, double spacing). */
    private static final double MAX_ROW_GAP = 4.0;

    /** The cell of a row whose columns could not be told apart: the whole line. */
    static final String UNREAD = "unread";

    /** A column whose caption medrec does not know: what stands under it is not taken, and its row is in doubt. */
    static final String UNKNOWN = "unknown";

    /** Where a row's words run from one column into the next with no gap between them (a sentence, a line not split cleanly). */
    static final String UNSPLIT = "unsplit";

    static final List<String> TEXT_FIELDS = List.of("description", "vaccine", "name", "display", "provider",
            "substance", "reaction");

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
        int captionWords = 0;
        for (int w = 0; w < words.size(); w++) {
            int x = words.get(w).left();
            captionWords += columns.stream().anyMatch(c -> x >= c.left() && x < c.right()) ? 1 : 0;
        }
        long other = words.stream().filter(w -> w.text().codePoints().filter(Character::isLetterOrDigit).count() > 2).count()
                - captionWords;
        if (other >= columns.size()) {
            return List.of();   // a line of values, not of captions
        }
        boolean all = spec.required().stream().allMatch(r -> taken(columns, r));
        boolean most = columns.size() >= 3 && spec.required().stream().anyMatch(r -> taken(columns, r));
        return (all && columns.size() >= 2) || most ? withUnknown(line, columns) : List.of();
    }

    /**
     * The columns with those whose captions medrec does not know ({@link #UNKNOWN}): words of the
     * header that no known caption covers. A word right after a known caption, with no gap between
     * cells, is the rest of that caption ("Dose (mg)"); after a gap it is the caption of a column of
     * its own, so that the words under it are not taken into a neighbour ("Directions" beside the name).
     */
    private static List<Column> withUnknown(ChartLine line, List<Column> known) {
        List<ChartWord> words = line.words();
        List<Column> out = new ArrayList<>();
        Column open = null;
        for (int i = 0; i < words.size(); i++) {
            ChartWord w = words.get(i);
            Column covering = known.stream().filter(c -> w.left() >= c.left() && w.right() <= c.right()).findFirst().orElse(null);
            if (covering != null) {
                if (!out.contains(covering)) {
                    out.add(covering);
                }
                open = covering;
                continue;
            }
            if (w.text().codePoints().filter(Character::isLetter).count() < 2) {
                continue;   // a rule, a mark, "#"
            }
            if (open != null && !line.cellBreakBefore(i)) {
                Column grown = new Column(open.field(), open.left(), w.right());
                out.set(out.indexOf(open), grown);
                open = grown;
            } else {
                open = new Column(UNKNOWN, w.left(), w.right());
                out.add(open);
            }
        }
        return List.copyOf(out);
    }

    private static boolean taken(List<Column> columns, String field) {
        return columns.stream().anyMatch(c -> c.field().equals(field));
    }

    /** Every row of the spec's tables in the document, in order. */
    static List<Row> read(List<ChartLine> lines, TableSpec spec, java.util.function.Predicate<ChartLine> stop) {
        List<Row> rows = new ArrayList<>();
        List<Column> columns = List.of();
        Row open = null;
        boolean openShaped = false;
        ChartLine previous = null;
        Carried carried = null;
        int skipped = 0;
        for (ChartLine line : lines) {
            if (marksOnly(line)) {
                continue;   // box rules and specks read as letters between the rows ("T | |"): neither a row nor an end
            }
            boolean keyed = columns.stream().anyMatch(c -> c.field().equals(spec.key()));
            Map<String, Cell> shaped = keyed ? null : shaped(line, spec);   // a header without the key column reads worse
            if (shaped != null) {
                open = new Row(shaped, line);
                openShaped = true;
                rows.add(open);
                previous = line;
                continue;
            }
            if (openShaped && previous != null) {
                if (wraps(line, previous, open)) {
                    previous = line;
                    continue;
                }
                if (!stop.test(line) && unreadRow(line, previous)) {
                    open = new Row(new LinkedHashMap<>(Map.of(UNREAD, Cell.of(line.all()))), line);
                    rows.add(open);   // a line among the rows that has not their shape: a person enters it
                    previous = line;
                    continue;
                }
                open = null;
                openShaped = false;
            }
            List<Column> header = header(line, spec);
            if (!header.isEmpty()) {
                columns = header;
                open = null;
                openShaped = false;
                previous = line;
                continue;
            }
            if (columns.isEmpty() && carried != null && line.page() != carried.page()) {
                columns = resumes(line, carried, spec, stop) ? carried.columns() : List.of();
                carried = columns.isEmpty() && ++skipped <= PAGE_HEADER_LINES ? carried : null;
                previous = columns.isEmpty() ? previous : line;
            }
            if (columns.isEmpty()) {
                continue;
            }
            if (previous != null && (line.page() != previous.page() || stop.test(line)
                    || line.top() - previous.bottom() > MAX_ROW_GAP * line.height())) {
                carried = open != null ? new Carried(columns, previous.page()) : null;
                skipped = 0;
                columns = List.of();
                open = null;
                if (carried != null && line.page() != carried.page() && resumes(line, carried, spec, stop)) {
                    columns = carried.columns();
                    carried = null;
                } else {
                    continue;
                }
            }
            Map<String, Cell> cells = cells(line, columns);
            Cell key = cells.get(spec.key());
            if ((key != null && startsRow(spec.key(), key.text())) || (key == null && rowLike(cells))) {
                open = new Row(cells, line, columns.stream().map(Column::field).collect(java.util.stream.Collectors.toSet()));
                openShaped = false;
                rows.add(open);
            } else if (open != null && continues(cells, spec)) {
                Map<String, Cell> target = open.cells();
                cells.forEach((field, cell) -> target.merge(field, cell, (a, b) -> a.plus(b.parts().get(0))));
            } else if (unreadRow(line, previous)) {
                open = new Row(new LinkedHashMap<>(Map.of(UNREAD, Cell.of(line.all()))), line);
                rows.add(open);
            } else {
                columns = List.of();
                open = null;
                continue;
            }
            previous = line;
        }
        return rows;
    }

    /** A line close under a row, with the digits of a row, that cannot be split into the columns: a person enters it. */
    private static boolean unreadRow(ChartLine line, ChartLine previous) {
        return previous != null && line.page() == previous.page() && line.top() - previous.bottom() < 1.5 * line.height()
                && line.text().chars().filter(Character::isDigit).count() >= 4;
    }

    /** The line, among the first of the next page, opens with a date under the carried date column: the table goes on. */
    private static boolean resumes(ChartLine line, Carried carried, TableSpec spec, java.util.function.Predicate<ChartLine> stop) {
        Cell key = cells(line, carried.columns()).get(spec.key());
        return spec.key().equals("date") && key != null && DATED.matcher(key.text()).lookingAt() && !stop.test(line)
                && line.words().get(0).left() >= key.parts().get(0).left() - line.height();
    }

    /** A cell that opens with a date: {@code 6/29/17}, {@code 2021-03-04}, {@code May 4, 2016}, {@code 14-Mar-2019}. */
    private static final java.util.regex.Pattern DATED = java.util.regex.Pattern.compile(
            "\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{1,2}[- ][A-Za-z]{3}[- ]\\d{2,4}|[A-Za-z]{3,9}\\.? \\d{1,2},? \\d{4}");

    private static boolean startsRow(String key, String text) {
        if (Phrases.contains(Phrases.folded(text), "total") || Phrases.contains(Phrases.folded(text), "totals")) {
            return false;
        }
        return switch (key) {
            case "date" -> text.chars().filter(Character::isDigit).count() >= 3;
            default -> text.chars().filter(Character::isLetter).count() >= 2;
        };
    }

    private static Map<String, Cell> shaped(ChartLine line, TableSpec spec) {
        for (RowPattern p : spec.rows()) {
            Map<String, Cell> cells = p.match(line);
            if (cells != null) {
                return cells;
            }
        }
        return null;
    }

    /** A short line right under a row found by its shape, standing under its text: the text wraps. */
    private static boolean wraps(ChartLine line, ChartLine previous, Row open) {
        if (line.page() != previous.page() || line.top() - previous.bottom() > 0.8 * line.height() || line.cells().size() != 1) {
            return false;
        }
        for (String field : TEXT_FIELDS) {
            Cell cell = open.cells().get(field);
            if (cell != null && Math.abs(line.left() - cell.parts().get(0).left()) < 1.5 * line.height()) {
                open.cells().put(field, cell.plus(line.all()));
                return true;
            }
        }
        return false;
    }

    /** A line of marks: no word of it has two letters or digits. */
    static boolean marksOnly(ChartLine line) {
        return line.words().stream().noneMatch(w -> w.text().codePoints().filter(Character::isLetterOrDigit).count() >= 2);
    }

    /** A line under a header with values in two columns or more is a row even when its key was not read. */
    private static boolean rowLike(Map<String, Cell> cells) {
        return cells.entrySet().stream().filter(e -> !e.getKey().equals(UNKNOWN) && !e.getKey().equals(UNSPLIT)
                && e.getValue().text().codePoints().filter(Character::isLetterOrDigit).count() >= 2).count() >= 2
                && cells.values().stream().noneMatch(c -> Phrases.contains(Phrases.folded(c.text()), "total"));
    }

    private static boolean continues(Map<String, Cell> cells, TableSpec spec) {
        for (String field : cells.keySet()) {
            if (!TEXT_FIELDS.contains(field) && !field.equals(UNKNOWN) && !field.equals(UNSPLIT)) {
                return false;
            }
        }
        return !cells.isEmpty();
    }

    /** The caption a word stands under: the one it overlaps most, else the nearest to its left. */
    private static Column column(ChartWord w, List<Column> columns, double slack) {
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
        }
        return best;
    }

    /** Words closer than this many character widths are a word space apart (a typewriter's space is one), not a gutter. */
    static final double RUN_ON_CHARS = 1.6;

    /** A box rule OCR read into a word's edge ({@code [Immunization}, {@code Show|}): it parts two cells. */
    private static final java.util.regex.Pattern RULE_EDGE = java.util.regex.Pattern.compile("^[\\[|!\\]{}(].*|.*[\\[|!\\]{}]$");

    /**
     * Words {@code i - 1} and {@code i} stand a word space apart, with no rule between them: text that runs on
     * (a sentence under a table, a value in a column medrec does not know), not two cells, which a gutter parts.
     */
    private static boolean runsOn(ChartLine line, int i) {
        ChartWord before = line.words().get(i - 1), after = line.words().get(i);
        return after.left() - before.right() < RUN_ON_CHARS * line.charWidth() && !RULE_EDGE.matcher(before.text()).matches()
                && !RULE_EDGE.matcher(after.text()).matches();
    }

    /**
     * The shapes of values that a validator checks whole: a word of one cannot complete a value of another
     * ("2022-08-21" is no CPT code, "99213" no date), so a boundary between two of them is not in doubt even a
     * word space wide. Amounts are one shape, and so are codes: two of a kind side by side could have shifted
     * columns and still read as valid, so a run-on between them stays in doubt, as does any free text.
     */
    private static final Map<String, String> SHAPES = Map.of("date", "date", "time", "time", "cpt", "code", "cvx", "code",
            "charge", "amount", "payment", "amount", "balance", "amount");

    /** Two columns whose values have different, self-delimiting shapes ({@link #SHAPES}). */
    static boolean shapesApart(String left, String right) {
        String a = SHAPES.get(left), b = SHAPES.get(right);
        return a != null && b != null && !a.equals(b);
    }

    /**
     * Codes whose validator demands one exact shape, with no letter word after it: a CPT or HCPCS code
     * (five characters) and an ICD-10-CM code (letter, two characters, the rest after a dot).
     */
    private static final Map<String, java.util.regex.Pattern> EXACT_CODES = Map.of(
            "cpt", java.util.regex.Pattern.compile("[0-9]{4}[0-9FTU]|[A-EGHJ-MP-V][0-9]{4}"),
            "code", java.util.regex.Pattern.compile("[A-TV-Z][0-9][0-9AB](?:\\.[0-9A-TV-Z]{1,4})?"));
    /** A word of letters only, three at least: no part of a code, nor a code's two-character modifier (RT, 25). */
    private static final java.util.regex.Pattern LETTER_WORD = java.util.regex.Pattern.compile("\\p{L}{3,}[,.;:]?");

    /**
     * A code column's cell that is one word of its code's exact shape ({@link #EXACT_CODES}), followed by a
     * free-text column whose first word is a letter word: the code's shape fixes the boundary, whatever the
     * gap ({@code 99213 OFFICE VISIT} a word space apart), as no letter word completes a code and the code is
     * whole. Anything else a word space apart stays in doubt.
     */
    static boolean codeBeforeText(String codeField, int[] codeRange, ChartLine line, String textField, int first) {
        java.util.regex.Pattern shape = EXACT_CODES.get(codeField);
        return shape != null && TEXT_FIELDS.contains(textField) && codeRange != null && codeRange[0] == first - 1
                && codeRange[1] == first && shape.matcher(line.words().get(first - 1).text()).matches()
                && LETTER_WORD.matcher(line.words().get(first).text()).matches();
    }

    /** The line's words by column, each column's words as one span. */
    static Map<String, Cell> cells(ChartLine line, List<Column> columns) {
        Map<String, int[]> ranges = new LinkedHashMap<>();
        double slack = 0.3 * line.height();
        Column last = null;
        int lastWord = -1;
        int[] unsplit = null;
        for (int i = 0; i < line.words().size(); i++) {
            ChartWord w = line.words().get(i);
            if (LabelText.separator(w.text())) {
                continue;
            }
            Column best = column(w, columns, slack);
            if (best == null) {
                continue;   // left of every caption: a column whose caption was not read
            }
            if (last != null && best != last && TEXT_FIELDS.contains(last.field()) && !line.cellBreakBefore(i)
                    && w.left() < best.left() - slack) {
                best = last;   // no gap, and it starts before the next caption: the text runs on
            }
            if (last != null && best != last && lastWord == i - 1 && unsplit == null && runsOn(line, i)
                    && !shapesApart(last.field(), best.field())
                    && !codeBeforeText(last.field(), ranges.get(last.field()), line, best.field(), i)) {
                unsplit = new int[] {lastWord, i + 1};   // words of two columns a word space apart: a run-on line
            }
            last = best;
            lastWord = i;
            int[] range = ranges.get(best.field());
            ranges.put(best.field(), range == null ? new int[] {i, i + 1} : new int[] {range[0], i + 1});
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        ranges.forEach((field, r) -> {
            int from = r[0], to = r[1];
            while (to > from && LabelText.separator(line.words().get(to - 1).text())) {
                to--;
            }
            if (!field.startsWith("skip")) {
                cells.put(field, Cell.of(line.span(from, to)));
            }
        });
        if (unsplit != null) {
            cells.put(UNSPLIT, Cell.of(line.span(unsplit[0], unsplit[1])));
        }
        return cells;
    }
}
