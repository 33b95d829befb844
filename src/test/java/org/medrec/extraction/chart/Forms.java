package org.medrec.extraction.chart;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.medrec.record.FieldValue;
import org.medrec.record.ReviewPolicy;

/** The project's own forms configuration, and what tests look at in an extraction. */
final class Forms {

    static final FormCatalog CATALOG = FormCatalog.load(Path.of("jobs/forms"));
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    /** The thresholds of application.yml (medrec.review.confidence-validated, confidence-text). */
    static final ReviewPolicy POLICY = new ReviewPolicy(0.90, 0.93);

    private Forms() {
    }

    /** What extraction made of the document, whatever it was. */
    static ChartExtraction outcome(ChartDocument document) {
        return new ChartExtractor(CATALOG, POLICY).extract(document, 7, "charts/test.pdf", TODAY);
    }

    /** The document read into a record (anything else fails the test). */
    static ChartExtraction.Extracted extract(ChartDocument document) {
        return extracted(outcome(document));
    }

    static ChartExtraction.Extracted extracted(ChartExtraction e) {
        return e.map(notMedical -> fail("not a medical record: " + notMedical.reason()),
                notUnderstood -> fail("not understood: " + notUnderstood.reason()), extracted -> extracted);
    }

    private static ChartExtraction.Extracted fail(String message) {
        throw new AssertionError(message);
    }

    /** Path to value, for the values that may be loaded without review. */
    static Map<String, String> loadable(ChartExtraction.Extracted e) {
        return e.record().fields().stream().filter(f -> !f.needsReview() && f.value() != null)
                .collect(Collectors.toMap(FieldValue::path, FieldValue::value, (a, b) -> a + " | " + b));
    }

    /** Path to the reason a person must look at it. */
    static Map<String, String> inReview(ChartExtraction.Extracted e) {
        return e.record().fields().stream().filter(FieldValue::needsReview)
                .collect(Collectors.toMap(FieldValue::path, FieldValue::reviewReason, (a, b) -> a + " | " + b));
    }
}
