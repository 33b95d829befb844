package org.medrec.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medrec.store.RecordLoader;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;

class ReleasePlanTests {

    private static final SourceRef ROW_3 = SourceRef.inSheet(7, "sheets/p.csv", "patients", 3, "DOB");
    private static final SourceRef ROW_9 = SourceRef.inSheet(7, "sheets/p.csv", "patients", 9, "DOB");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2025-06-30T10:00:00Z");

    private static FieldValue value(String path, String value, SourceRef at, String reason) {
        return new FieldValue(path, value, value, reason == null ? 1.0 : 0.5, at, reason);
    }

    private static ItemDecision decided(Integer record, String field, String decision, String value, String reason) {
        return new ItemDecision(UUID.randomUUID(), record, field, decision, value, reason, "tech1", AT, ROW_3);
    }

    private static ExtractedRecord record(String mrn, FieldValue... fields) {
        return new ExtractedRecord("urn:test", mrn, "patients", List.of(fields));
    }

    @Test
    void shouldLoadTheDecidedValueWithFullConfidenceItsOriginalSourceAndItsReview() {
        ExtractedRecord held = record("00000001", value("mrn", "00000001", ROW_3, null),
                value("patient.birth_date", "2020-01-05", ROW_3, "two-digit year"),
                value("immunizations[0].lot", "L1", ROW_9, "unreadable"), value("immunizations[0].cvx", "08", ROW_9, null));
        ItemDecision dob = decided(0, "patient.birth_date", "value", "1920-01-05", null);

        ReleasePlan plan = ReleasePlan.of(List.of(held), List.of(dob, decided(0, "immunizations[0].lot", "reject", null,
                "not in source")), null);

        assertThat(plan.ready()).hasSize(1);
        RecordLoader.Ready ready = plan.ready().get(0);
        assertThat(ready.record().needsReview()).isFalse();
        assertThat(ready.record().fields()).extracting(FieldValue::path)
                .containsExactly("mrn", "patient.birth_date", "immunizations[0].cvx");
        FieldValue birth = ready.record().fields().get(1);
        assertThat(birth.value()).isEqualTo("1920-01-05");
        assertThat(birth.confidence()).isEqualTo(1.0);
        assertThat(birth.source()).isEqualTo(ROW_3);
        assertThat(ready.reviews().get("patient.birth_date").reviewItemId()).isEqualTo(dob.id());
    }

    @Test
    void shouldKeepOnlyTheReadingsOfAPathThatAgreeWithTheDecision() {
        ExtractedRecord held = record("00000001", value("patient.family", "Smith", ROW_3, null),
                value("patient.family", "Smyth", ROW_9, "differs from row 3 of this file"));

        ReleasePlan plan = ReleasePlan.of(List.of(held), List.of(decided(0, "patient.family", "accept", "Smyth", null)), null);

        assertThat(plan.ready().get(0).record().fields()).extracting(FieldValue::value).containsExactly("Smyth");
        assertThat(plan.ready().get(0).record().fields().get(0).source()).isEqualTo(ROW_9);
    }

    @Test
    void shouldSetATypedMrnAndLeaveOutRejectedRecords() {
        ExtractedRecord noMrn = record(null, value("patient.family", "Smith", ROW_3, null));
        ExtractedRecord rejected = record("00000002", value("patient.family", "Jones", ROW_9, "low confidence"));

        ReleasePlan plan = ReleasePlan.of(List.of(noMrn, rejected), List.of(decided(0, "mrn", "value", "00000042", null),
                decided(1, "patient.family", "reject", null, "not in source")), null);

        assertThat(plan.ready()).hasSize(1);
        ExtractedRecord loaded = plan.ready().get(0).record();
        assertThat(loaded.mrn()).isEqualTo("00000042");
        assertThat(loaded.fields()).extracting(FieldValue::path).containsExactly("patient.family", "mrn");
        assertThat(loaded.fields().get(1).source().method()).isEqualTo(Method.TECHNICIAN);
        assertThat(plan.leftOut()).extracting(ReleasePlan.LeftOut::reason).containsExactly("every value was rejected in review");
    }

    @Test
    void shouldLeaveEveryRecordOutWhenTheDocumentOrItsFileIsRejected() {
        ExtractedRecord held = record("00000001", value("patient.family", "Smith", ROW_3, "low confidence"));

        assertThat(ReleasePlan.of(List.of(held), List.of(decided(null, "*", "reject", null, "not a chart")), null).ready())
                .isEmpty();
        assertThat(ReleasePlan.of(List.of(held), List.of(decided(0, "patient.family", "accept", "Smith", null)),
                "must be quarantined").leftOut()).extracting(ReleasePlan.LeftOut::reason)
                .containsExactly("its file was rejected in review");
    }

    @Test
    void shouldNeverLoadADoubtfulValueThatHadNoDecision() {
        ExtractedRecord held = record("00000001", value("patient.family", "Smith", ROW_3, null),
                value("patient.phone", "5035550134", ROW_3, "low confidence"));

        ReleasePlan plan = ReleasePlan.of(List.of(held), List.of(), null);

        assertThat(plan.ready().get(0).record().fields()).extracting(FieldValue::path).containsExactly("patient.family");
        assertThat(plan.undecidedDropped()).isEqualTo(1);
    }
}
