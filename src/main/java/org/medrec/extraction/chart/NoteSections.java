package org.medrec.extraction.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cuts a note into its free-text sections by their headings ({@code PMH:}, {@code ASSESSMENT},
 * {@code Vitals:}). A heading starts its line and ends with a colon or is the whole line; the
 * section runs to the next heading. Thread-safe (immutable).
 */
final class NoteSections {

    /** A section: its kind and its text as printed, line by line (the heading left out). */
    record Section(String kind, List<Span> lines) {

        String text() {
            return String.join(" ", lines.stream().map(Span::text).toList()).strip();
        }

        Cell cell() {
            return new Cell(lines);
        }
    }

    private NoteSections() {
    }

    /**
     * @param ends a line that belongs to no section (a page's footer, the patient's identity repeated at
     *             the top of the next page): it ends the section, which does not go on past it
     */
    static List<Section> read(List<ChartLine> lines, Map<String, List<String>> headings, java.util.function.Predicate<ChartLine> ends) {
        List<Section> sections = new ArrayList<>();
        Section open = null;
        for (ChartLine line : lines) {
            if (ends.test(line)) {
                open = null;
                continue;
            }
            String kind = null;
            int cover = 0;
            for (Map.Entry<String, List<String>> h : headings.entrySet()) {
                int n = Phrases.startsWith(line.all(), h.getValue());
                if (n > cover && isHeading(line, n)) {
                    kind = h.getKey();
                    cover = n;
                }
            }
            if (kind != null) {
                open = new Section(kind, new ArrayList<>());
                sections.add(open);
                int from = cover;
                while (from < line.words().size() && LabelText.separator(line.words().get(from).text())) {
                    from++;
                }
                if (from < line.words().size()) {
                    open.lines().add(line.span(from, line.words().size()));
                }
            } else if (open != null) {
                open.lines().add(line.all());
            }
        }
        return sections;
    }

    static boolean isHeading(ChartLine line, int words) {
        String last = line.words().get(words - 1).text();
        if (last.endsWith(":") || words == line.words().size()) {
            return true;
        }
        String next = line.words().get(words).text();
        return next.startsWith(":") || (LabelText.separator(next) && !next.equals("-"));
    }
}
