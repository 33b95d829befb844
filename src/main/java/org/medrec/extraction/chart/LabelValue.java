package org.medrec.extraction.chart;

/**
 * A label and the value printed with it: after it on the same line, or under it in the box below.
 * {@code value} may be empty (nothing legible was printed); {@code region} is everything printed in
 * the label's place (up to the next label), which may hold more than the value: a list of options
 * to tick. Immutable.
 */
record LabelValue(String key, LabelHit label, Span value, Span region) {

    int page() {
        return label.line().page();
    }
}
