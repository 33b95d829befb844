package org.medrec.record;

import java.util.List;
import java.util.Objects;

/**
 * What one document (or one spreadsheet row) says about one patient: the clinic's identifier
 * system, the MRN as the clinic writes it, and the values, each with its path and source.
 */
public record ExtractedRecord(String identifierSystem, String mrn, String docType, List<FieldValue> fields) {

    public ExtractedRecord {
        Objects.requireNonNull(identifierSystem, "identifierSystem");
        Objects.requireNonNull(docType, "docType");
        fields = List.copyOf(fields);
    }

    public boolean needsReview() {
        return mrn == null || fields.stream().anyMatch(FieldValue::needsReview);
    }
}
