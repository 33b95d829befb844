package org.medrec.extraction.chart;

import java.util.function.Function;
import org.medrec.record.ExtractedRecord;

/**
 * What became of a chart document: not a medical record (quarantined), not understood (in review
 * as a whole), or read into a record whose doubtful values carry their reasons. {@link #map} takes
 * one function per case, so no caller can forget one (Java 17 has no pattern {@code switch}).
 * Immutable.
 */
public sealed interface ChartExtraction {

    <T> T map(Function<NotMedical, T> notMedical, Function<NotUnderstood, T> notUnderstood, Function<Extracted, T> extracted);

    /** Not a medical record (no patient identifiers, a receipt): the file is quarantined with the reason. */
    record NotMedical(String reason) implements ChartExtraction {
        @Override
        public <T> T map(Function<NotMedical, T> notMedical, Function<NotUnderstood, T> notUnderstood,
                         Function<Extracted, T> extracted) {
            return notMedical.apply(this);
        }
    }

    /**
     * A medical record whose type or layout medrec could not tell: a person classifies it and keys
     * its values. {@code docType} is the type when known (a form whose boxes could not be placed);
     * {@code identifierSystem} the clinic whose letterhead it bears, when one was read (else null).
     */
    record NotUnderstood(String docType, double confidence, String identifierSystem, String reason)
            implements ChartExtraction {
        @Override
        public <T> T map(Function<NotMedical, T> notMedical, Function<NotUnderstood, T> notUnderstood,
                         Function<Extracted, T> extracted) {
            return notUnderstood.apply(this);
        }
    }

    /**
     * Read into a record. {@code documentDoubt} (null: none) is why a person must look at the
     * document as a whole as well (a claim with more pages than the form read).
     */
    record Extracted(String docType, ExtractedRecord record, double confidence, String documentDoubt)
            implements ChartExtraction {
        @Override
        public <T> T map(Function<NotMedical, T> notMedical, Function<NotUnderstood, T> notUnderstood,
                         Function<Extracted, T> extracted) {
            return extracted.apply(this);
        }
    }
}
