package org.medrec.extraction.chart;

import org.medrec.extraction.ExtractedRecord;

/**
 * What became of a chart document: not a medical record (quarantine), not understood (review as a
 * whole), or read into a record whose doubtful values are marked for review. Immutable.
 */
public record ChartExtraction(Outcome outcome, String docType, ExtractedRecord record, double confidence, String reason,
                              String documentDoubt) {

    public enum Outcome { NOT_MEDICAL, NOT_UNDERSTOOD, EXTRACTED }
}
