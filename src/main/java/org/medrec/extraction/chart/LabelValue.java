package org.medrec.extraction.chart;

/**
 * A label and the value printed with it: after it on the same line, or under it in the box below.
 * {@code value} may be empty (nothing legible was printed). Immutable.
 */
record LabelValue(String key, LabelHit label, Span value) {

    int page() {
        return label.line().page();
    }
}
