package org.medrec.extraction.chart;

/**
 * What a chart document is. {@code form} is null when it is not a medical record
 * ({@code medical} false) or could not be classified with confidence. Immutable.
 *
 * @param score  the winning type's score; {@code margin} its lead over the next type
 * @param reason for a person: why it was (not) classified
 */
record Classification(FormSpec form, boolean medical, double score, double margin, String reason) {

    boolean classified() {
        return form != null;
    }

    /** 0..1: how sure the classification is, for the document row. */
    double confidence() {
        return form == null ? 0.0 : Math.min(1.0, 0.5 + margin / 8.0);
    }
}
