package org.medrec.extraction.chart;

/**
 * A printed label found on a line: which field it names and the words it covers. Immutable.
 *
 * @param key the label's key in the forms configuration ({@code patient.birth_date}, {@code ignore})
 */
record LabelHit(String key, ChartLine line, int from, int to) {

    Span span() {
        return line.span(from, to);
    }

    /** Whether the label ends with a colon (or the word after it is only a colon or leader dots). */
    boolean colon() {
        String last = line.words().get(to - 1).text();
        if (last.endsWith(":") || last.endsWith(";")) {
            return true;
        }
        if (to < line.words().size()) {
            String next = line.words().get(to).text();
            return LabelText.separator(next) && !next.isBlank() && !line.cellBreakBefore(to);
        }
        return false;
    }
}
