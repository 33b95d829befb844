package org.medrec.record;

import java.util.Objects;

/**
 * One value of a record: its record-model path ({@code patient.birth_date},
 * {@code immunizations[2].lot}), what was read, its normal form, the confidence in it (0..1),
 * where it came from, and why a person must look at it ({@code null}: it may be loaded as is).
 */
public record FieldValue(String path, String raw, String value, double confidence, SourceRef source, String reviewReason) {

    public FieldValue {
        RecordPath.parse(Objects.requireNonNull(path, "path"));
        Objects.requireNonNull(source, "source");
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, not " + confidence);
        }
        if (value == null && reviewReason == null) {
            throw new IllegalArgumentException(path + ": a value that could not be read must go to review");
        }
    }

    public boolean needsReview() {
        return reviewReason != null;
    }
}
