package org.medrec.extraction.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the label-value pairs of a document: {@code Label: value} on one line (up to the next
 * label or a wide gap), {@code Label ....: value} with leader dots, and boxed forms whose caption
 * stands alone with the value in the box below. Inside an emergency-contact section the contact's
 * name and phone are not taken for the patient's. Thread-safe (immutable).
 */
final class LabelValues {

    private static final java.util.regex.Pattern UNKNOWN_LABEL = java.util.regex.Pattern.compile("\\p{L}[\\p{L}.#/()-]*:");
    private static final java.util.regex.Pattern LABEL_WORD = java.util.regex.Pattern.compile("\\p{Lu}[\\p{L}.]*");

    private final FormCatalog catalog;
    private final LabelFinder finder;

    /** Every heading of every form: a line that starts with one holds no label's value. */
    private final List<String> headings;

    /** The tables of the form: their header lines are captions of columns, not labels of values ("Given" over dates). */
    private final List<TableSpec> tables;

    LabelValues(FormCatalog catalog, java.util.Map<String, List<String>> labels) {
        this(catalog, labels, List.of());
    }

    LabelValues(FormCatalog catalog, java.util.Map<String, List<String>> labels, List<TableSpec> tables) {
        this.catalog = catalog;
        this.tables = List.copyOf(tables);
        this.finder = new LabelFinder(labels);
        List<String> all = new ArrayList<>(catalog.headings());
        catalog.forms().forEach(f -> {
            f.sections().values().forEach(all::addAll);
            all.addAll(f.headings());
        });
        this.headings = List.copyOf(all);
    }

    LabelFinder finder() {
        return finder;
    }

    List<LabelValue> read(ChartDocument document) {
        List<LabelValue> out = new ArrayList<>();
        List<ChartLine> lines = document.lines();
        boolean emergency = false;
        int page = -1;
        for (int n = 0; n < lines.size(); n++) {
            ChartLine line = lines.get(n);
            if (line.page() != page) {
                page = line.page();
                emergency = false;
            }
            if (Phrases.startsWith(line.all(), catalog.emergencyHeadings()) > 0) {
                emergency = true;
            } else if (Phrases.is(line.all(), catalog.headings())) {
                emergency = false;
            }
            if (tables.stream().anyMatch(t -> !RuledTables.header(line, t).isEmpty())) {
                continue;
            }
            List<LabelHit> hits = finder.find(line);
            for (int h = 0; h < hits.size(); h++) {
                LabelHit hit = hits.get(h);
                if (hit.key().equals("ignore") || (emergency && catalog.emergencyMasks().contains(hit.key()))) {
                    continue;
                }
                int end = h + 1 < hits.size() ? hits.get(h + 1).from() : line.words().size();
                Span value = sameLine(line, hit.to(), end);
                Span region = line.span(Math.min(value.from(), end), end);
                if (value.isEmpty()) {
                    int right = h + 1 < hits.size() ? hits.get(h + 1).span().left() : Integer.MAX_VALUE;
                    Span[] below = below(lines, n, hit, right);
                    value = below[0];
                    region = below[1];
                }
                out.add(new LabelValue(hit.key(), hit, value, region));
            }
        }
        return out;
    }

    /** Words after the label, leader dots and colons skipped, up to {@code end} or a wide gap. */
    private static Span sameLine(ChartLine line, int from, int end) {
        int start = from;
        while (start < end && LabelText.separator(line.words().get(start).text())) {
            start++;
        }
        int stop = start;
        while (stop < end && (stop == start || !line.cellBreakBefore(stop))) {
            if (stop > start && UNKNOWN_LABEL.matcher(line.words().get(stop).text()).matches()) {
                // "NPI: 1234567893 Visit type: Follow-up": a label medrec does not know ends the value
                int labelStart = stop;
                while (labelStart - 1 > start && stop - labelStart < 2
                        && LABEL_WORD.matcher(line.words().get(labelStart - 1).text()).matches()) {
                    labelStart--;
                }
                stop = labelStart;
                break;
            }
            stop++;
        }
        while (stop > start && LabelText.separator(line.words().get(stop - 1).text())) {
            stop--;
        }
        return line.span(start, stop);
    }

    /**
     * The value in the box under a caption, and everything in that box: the next line's words
     * between the caption and the next one.
     */
    private Span[] below(List<ChartLine> lines, int n, LabelHit hit, int right) {
        ChartLine line = hit.line();
        Span none = line.span(line.words().size(), line.words().size());
        if (n + 1 >= lines.size() || lines.get(n + 1).page() != line.page()) {
            return new Span[] {none, none};
        }
        ChartLine next = lines.get(n + 1);
        int h = line.height();
        if (next.top() - line.bottom() > 2.5 * Math.max(h, next.height()) || Phrases.startsWith(next.all(), headings) > 0) {
            return new Span[] {none, none};
        }
        double slack = 0.6 * h;
        int left = hit.span().left();
        int from = -1, to = -1;
        for (int i = 0; i < next.words().size(); i++) {
            double x = next.words().get(i).centerX();
            if (x >= left - slack && x < right - slack) {
                from = from < 0 ? i : from;
                to = i + 1;
            }
        }
        final int a = from, b = to;
        if (from < 0 || !finder.find(next).stream().allMatch(o -> o.to() <= a || o.from() >= b)) {
            return new Span[] {none, none};
        }
        return new Span[] {sameLine(next, from, to), next.span(from, to)};
    }

    /**
     * The line under a value that continues it, aligned with its start (an address's second line),
     * or null.
     */
    Span continuation(List<ChartLine> lines, Span value) {
        ChartLine line = value.line();
        int n = line.index();
        if (value.isEmpty() || n + 1 >= lines.size() || lines.get(n + 1).page() != line.page()) {
            return null;
        }
        ChartLine next = lines.get(n + 1);
        int h = line.height();
        if (next.top() - line.bottom() > 1.6 * h || Math.abs(next.left() - value.left()) > 1.5 * h
                || !finder.find(next).isEmpty()) {
            return null;
        }
        Span first = next.cells().get(0);
        return first.isEmpty() ? null : first;
    }
}
