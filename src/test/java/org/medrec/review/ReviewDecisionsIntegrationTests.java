package org.medrec.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrec.audit.AuditLog;
import org.medrec.record.DocumentStatus;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.medrec.store.RecordLoader;
import org.medrec.store.ReviewItemWriter;
import org.medrec.record.FileOutcome;
import org.medrec.testing.TestRun;
import org.medrec.testing.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Decisions on a held chart-like document, against a real PostgreSQL. */
@StoreTest
class ReviewDecisionsIntegrationTests {

    private static final String CLINIC = "urn:medrec:test:maple-hollow";
    private static final AuditLog.Origin CLI = AuditLog.Origin.CLI;

    @Autowired
    RecordLoader loader;

    @Autowired
    ReviewDecisions decisions;

    @Autowired
    ReviewBatch batch;

    @Autowired
    ReviewItemWriter items;

    @Autowired
    JdbcClient jdbc;

    private TestRun testRun;
    private UUID run;
    private long card;

    @BeforeEach
    void heldCard() {
        testRun = TestRun.begin(jdbc);
        run = testRun.id();
        card = testRun.file("charts/card.png", "PNG", FileOutcome.HELD_FOR_REVIEW, "values to review");
    }

    private FieldValue onCard(String path, String raw, String value, double confidence, String reviewReason) {
        return new FieldValue(path, raw, value, confidence,
                SourceRef.onPage(card, "charts/card.png", 1, new int[] {10, 20, 300, 40}, Method.OCR), reviewReason);
    }

    /** An immunization card with three doubtful values: birth date, immunization date, lot. */
    private long routeHeldCard(String mrn, FieldValue... more) {
        List<FieldValue> fields = new ArrayList<>(List.of(
                onCard("mrn", "00031415", "00031415", 0.97, null),
                onCard("patient.family", "Delgado-Test", "Delgado-Test", 0.96, null),
                onCard("patient.birth_date", "1/5/20", "2020-01-05", 0.5, "two-digit year: 2020 or 1920"),
                onCard("immunizations[0].vaccine", "Tdap", "Tdap", 0.93, null),
                onCard("immunizations[0].cvx", "115", "115", 0.93, null),
                onCard("immunizations[0].date", "05/O2/2019", "2019-05-02", 0.41, "low OCR confidence"),
                onCard("immunizations[0].lot", "##", null, 0.1, "unreadable")));
        fields.addAll(List.of(more));
        return loader.route(new RecordLoader.Source(run, card, "immunization", 1, 1, null, 0.9),
                List.of(new ExtractedRecord(CLINIC, mrn, "immunization", fields))).documentId();
    }

    private UUID item(String field) {
        return jdbc.sql("SELECT id FROM review_item WHERE field = ? AND status = 'open'").param(field)
                .query(UUID.class).single();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
    }

    private String text(String sql, Object... params) {
        return jdbc.sql(sql).params(List.of(params)).query(String.class).single();
    }

    @Test
    void shouldReleaseTheRecordWhenItsLastItemIsDecidedWithTheReviewerInItsProvenance() {
        long document = routeHeldCard("00031415");
        UUID birth = item("patient.birth_date");
        UUID date = item("immunizations[0].date");
        UUID lot = item("immunizations[0].lot");

        DecisionResult accepted = decisions.decide(date, new Decision.Accept(), "tech1", CLI);
        DecisionResult corrected = decisions.decide(birth, new Decision.Value("01/05/1920"), "tech1", CLI);

        assertThat(accepted.applied()).isTrue();
        assertThat(corrected.release()).isNull();
        assertThat(count("SELECT count(*) FROM patient")).as("held until the last item").isZero();
        assertThat(text("SELECT status FROM document WHERE id = ?", document)).isEqualTo("held");

        DecisionResult rejected = decisions.decide(lot, new Decision.Reject("not in source"), "tech2", CLI);

        assertThat(rejected.release()).isEqualTo(new DecisionResult.Release(document, DocumentStatus.LOADED, 1, 0, 0));
        assertThat(text("SELECT status FROM document WHERE id = ?", document)).isEqualTo("loaded");
        assertThat(text("SELECT family || ' ' || birth_date FROM patient")).isEqualTo("Delgado-Test 1920-01-05");
        assertThat(text("SELECT coalesce(lot, '-') || ' ' || date || ' ' || cvx FROM immunization"))
                .isEqualTo("- 2019-05-02 115");
        assertThat(text("""
                SELECT review_item_id || ' ' || reviewed_by || ' ' || method || ' ' || confidence || ' ' || page || ' ' || box::text
                FROM value_provenance WHERE entity = 'patient' AND field = 'birth_date'"""))
                .isEqualTo(birth + " tech1 ocr 1.000 1 {10,20,300,40}");
        assertThat(text("SELECT review_item_id || ' ' || reviewed_by FROM value_provenance WHERE entity = 'immunization' AND field = 'date'"))
                .isEqualTo(date + " tech1");
        assertThat(count("SELECT count(*) FROM value_provenance WHERE entity = 'patient' AND field = 'family' AND reviewed_by IS NULL"))
                .as("values nobody reviewed say so").isEqualTo(1);
        assertThat(text("SELECT decision || ' ' || decided_value || ' ' || decided_by FROM review_item WHERE id = ?", birth))
                .isEqualTo("value 1920-01-05 tech1");
        assertThat(text("SELECT outcome FROM source_file WHERE id = ?", card)).isEqualTo("loaded");
    }

    @Test
    void shouldAuditEveryDecisionAndTheReleaseAndKeepTheAuditLogAppendOnly() {
        long document = routeHeldCard("00031415");
        UUID birth = item("patient.birth_date");
        UUID date = item("immunizations[0].date");
        UUID lot = item("immunizations[0].lot");

        decisions.decide(birth, new Decision.Value("1920-01-05"), "scorer", CLI);
        decisions.decide(date, new Decision.Accept(), "scorer", CLI);
        decisions.decide(lot, new Decision.Reject("not in source"), "scorer", AuditLog.Origin.WEB);

        List<String> audit = jdbc.sql("""
                SELECT actor || '|' || origin || '|' || action || '|' || entity || '|' || coalesce(old_value, '-') || '|' || new_value
                FROM audit_log WHERE entity_id IN (?, ?, ?) ORDER BY id""")
                .params(birth.toString(), date.toString(), lot.toString()).query(String.class).list();
        assertThat(audit).containsExactly(
                "scorer|cli|review.value|review_item|2020-01-05|1920-01-05",
                "scorer|cli|review.accept|review_item|2019-05-02|2019-05-02",
                "scorer|web|review.reject|review_item|-|not in source");
        assertThat(text("SELECT action || ' ' || old_value || ' ' || new_value FROM audit_log WHERE entity = 'document' AND entity_id = ?",
                String.valueOf(document))).isEqualTo("document.release held loaded");
        assertThat(text("SELECT old_value || ' ' || new_value FROM audit_log WHERE entity = 'source_file' AND entity_id = ?",
                String.valueOf(card))).isEqualTo("held_for_review loaded");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'someone else' WHERE entity_id = ?")
                .param(birth.toString()).update()).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE entity_id = ?").param(birth.toString()).update())
                .rootCause().hasMessageContaining("permission denied");
        assertThat(count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND actor = 'scorer'", birth.toString())).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnInvalidCorrectedValueWithTheValidatorsMessageAndChangeNothing() {
        routeHeldCard("00031415");
        UUID birth = item("patient.birth_date");

        DecisionResult result = decisions.decide(birth, new Decision.Value("02/30/1980"), "tech1", CLI);

        assertThat(result.applied()).isFalse();
        assertThat(result.message()).contains("02/30/1980");
        assertThat(text("SELECT status FROM review_item WHERE id = ?", birth)).isEqualTo("open");
        assertThat(count("SELECT count(*) FROM audit_log WHERE entity_id = ?", birth.toString())).isZero();
    }

    @Test
    void shouldRefuseToAcceptAnItemWithNothingProposed() {
        routeHeldCard("00031415");

        DecisionResult result = decisions.decide(item("immunizations[0].lot"), new Decision.Accept(), "tech1", CLI);

        assertThat(result.applied()).isFalse();
        assertThat(result.message()).contains("nothing was proposed");
    }

    @Test
    void shouldRefuseDecidingAnItemTwice() {
        routeHeldCard("00031415");
        UUID date = item("immunizations[0].date");

        DecisionResult first = decisions.decide(date, new Decision.Accept(), "tech1", CLI);
        DecisionResult second = decisions.decide(date, new Decision.Reject("changed my mind"), "tech2", CLI);

        assertThat(first.applied()).isTrue();
        assertThat(second.applied()).isFalse();
        assertThat(second.message()).startsWith("already resolved by tech1 at ");
        assertThat(text("SELECT decision || ' ' || decided_by FROM review_item WHERE id = ?", date)).isEqualTo("accept tech1");
    }

    @Test
    void shouldApplyTheGoodEntriesOfABatchAndReportTheOthers() {
        routeHeldCard("00031415");
        UUID date = item("immunizations[0].date");
        UUID unknown = UUID.randomUUID();
        List<ReviewBatch.Entry> entries = ReviewBatch.read("""
                [{"id": "%s", "action": "accept"},
                 {"id": "%s", "action": "accept"},
                 {"id": "%s", "action": "value"},
                 {"id": 7, "action": "reject", "reason": "x"}]""".formatted(date, unknown, item("patient.birth_date")));

        ReviewBatch.Result result = batch.apply(entries, "scorer", CLI);

        assertThat(result.applied()).isEqualTo(1);
        assertThat(result.failed()).extracting(f -> f.id().toString() + " " + f.error()).containsExactly(
                "\"" + unknown + "\" no review item " + unknown,
                "\"" + item("patient.birth_date") + "\" action value needs a \"value\"",
                "7 no review item 7");
        assertThat(text("SELECT status FROM review_item WHERE id = ?", date)).isEqualTo("resolved");
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentDecisionsOnTheSameItemWin() throws Exception {
        routeHeldCard("00031415");
        UUID date = item("immunizations[0].date");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<DecisionResult> ann = pool.submit(() -> {
                start.await();
                return decisions.decide(date, new Decision.Accept(), "ann", CLI);
            });
            Future<DecisionResult> bob = pool.submit(() -> {
                start.await();
                return decisions.decide(date, new Decision.Value("2019-05-03"), "bob", CLI);
            });
            start.countDown();
            List<DecisionResult> results = List.of(ann.get(), bob.get());

            assertThat(results).filteredOn(DecisionResult::applied).hasSize(1);
            assertThat(results).filteredOn(r -> !r.applied()).singleElement()
                    .satisfies(r -> assertThat(r.message()).startsWith("already resolved by "));
            assertThat(count("SELECT count(*) FROM audit_log WHERE entity_id = ?", date.toString())).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldReleaseTheDocumentOnceWhenItsLastTwoItemsAreDecidedAtTheSameTime() throws Exception {
        long document = routeHeldCard("00031415");
        decisions.decide(item("immunizations[0].lot"), new Decision.Reject("not in source"), "tech1", CLI);
        UUID birth = item("patient.birth_date");
        UUID date = item("immunizations[0].date");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<DecisionResult> one = pool.submit(() -> {
                start.await();
                return decisions.decide(birth, new Decision.Value("1920-01-05"), "ann", CLI);
            });
            Future<DecisionResult> two = pool.submit(() -> {
                start.await();
                return decisions.decide(date, new Decision.Accept(), "bob", CLI);
            });
            start.countDown();
            List<DecisionResult> results = List.of(one.get(), two.get());

            assertThat(results).allMatch(DecisionResult::applied);
            assertThat(results).filteredOn(r -> r.release() != null).hasSize(1);
            assertThat(text("SELECT status FROM document WHERE id = ?", document)).isEqualTo("loaded");
            assertThat(count("SELECT count(*) FROM patient")).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM immunization")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldSetTheMrnOfARecordThatHadNoneFromTheTypedValue() {
        long document = routeHeldCard(null);
        decisions.decide(item("patient.birth_date"), new Decision.Accept(), "tech1", CLI);
        decisions.decide(item("immunizations[0].date"), new Decision.Accept(), "tech1", CLI);
        decisions.decide(item("immunizations[0].lot"), new Decision.Reject("not in source"), "tech1", CLI);
        UUID mrn = item("mrn");

        DecisionResult result = decisions.decide(mrn, new Decision.Value(" 00099999 "), "tech1", CLI);

        assertThat(result.release().status()).isEqualTo(DocumentStatus.LOADED);
        assertThat(text("SELECT value FROM patient_identifier")).isEqualTo("00099999");
        assertThat(text("""
                SELECT vp.reviewed_by FROM value_provenance vp WHERE vp.entity = 'patient_identifier' AND vp.review_item_id = ?""",
                mrn)).isEqualTo("tech1");
        assertThat(text("SELECT status FROM document WHERE id = ?", document)).isEqualTo("loaded");
    }

    @Test
    void shouldQuarantineADocumentWhoseOnlyRecordWasRejectedAndThenItsFile() {
        long document = routeHeldCard(null);
        decisions.decide(item("patient.birth_date"), new Decision.Accept(), "tech1", CLI);
        decisions.decide(item("immunizations[0].date"), new Decision.Accept(), "tech1", CLI);
        decisions.decide(item("immunizations[0].lot"), new Decision.Reject("not in source"), "tech1", CLI);

        DecisionResult result = decisions.decide(item("mrn"), new Decision.Reject("not our patient"), "tech1", CLI);

        assertThat(result.release()).isEqualTo(new DecisionResult.Release(document, DocumentStatus.QUARANTINED, 0, 1, 0));
        assertThat(text("SELECT reason FROM document WHERE id = ?", document)).contains("MRN was rejected");
        assertThat(count("SELECT count(*) FROM patient")).isZero();
        assertThat(text("SELECT outcome || ': ' || reason FROM source_file WHERE id = ?", card))
                .isEqualTo("quarantined: nothing was loaded after review (values to review)");
    }

    @Test
    void shouldQuarantineTheDocumentWhenAValueBreaksARuleOfTheStoreAndStillRecordTheDecision() {
        long document = routeHeldCard("00031415", onCard("patient.address.postal_code", "9721", "9721", 0.99, null));
        decisions.decide(item("patient.birth_date"), new Decision.Accept(), "tech1", CLI);
        decisions.decide(item("immunizations[0].date"), new Decision.Accept(), "tech1", CLI);
        UUID lot = item("immunizations[0].lot");

        DecisionResult result = decisions.decide(lot, new Decision.Reject("not in source"), "tech1", CLI);

        assertThat(result.applied()).isTrue();
        assertThat(result.release().status()).isEqualTo(DocumentStatus.QUARANTINED);
        assertThat(text("SELECT reason FROM document WHERE id = ?", document)).startsWith("could not be loaded after review");
        assertThat(count("SELECT count(*) FROM patient")).as("nothing of the document is loaded").isZero();
        assertThat(text("SELECT status FROM review_item WHERE id = ?", lot)).isEqualTo("resolved");
    }

    @Test
    void shouldReplaceAStoredValueThatAnotherSourceDisagreedWithWhenTheReviewerSaysSo() {
        routeHeldCard("00031415");
        decisions.decide(item("patient.birth_date"), new Decision.Value("1962-03-14"), "tech1", CLI);
        decisions.decide(item("immunizations[0].date"), new Decision.Accept(), "tech1", CLI);
        decisions.decide(item("immunizations[0].lot"), new Decision.Reject("not in source"), "tech1", CLI);
        long sheet = testRun.file("sheets/patients.csv", "CSV", FileOutcome.LOADED, null);
        loader.route(new RecordLoader.Source(run, sheet, "patients", null, null, "patients", 1.0), List.of(new ExtractedRecord(CLINIC, "00031415",
                "patients", List.of(new FieldValue("patient.birth_date", "04/13/1962", "1962-04-13", 1.0,
                        SourceRef.inSheet(sheet, "sheets/patients.csv", "patients", 2, "DOB"), null)))));
        UUID conflict = item("patient.birth_date");

        DecisionResult result = decisions.decide(conflict, new Decision.Accept(), "tech2", CLI);

        assertThat(result.applied()).isTrue();
        assertThat(text("SELECT birth_date::text FROM patient")).isEqualTo("1962-04-13");
        assertThat(text("SELECT row_num || ' ' || reviewed_by FROM value_provenance WHERE entity = 'patient' AND field = 'birth_date'"))
                .isEqualTo("2 tech2");
        assertThat(text("SELECT old_value || ' ' || new_value FROM audit_log WHERE action = 'patient.update' ORDER BY id DESC LIMIT 1"))
                .isEqualTo("1962-03-14 1962-04-13");
    }

    @Test
    void shouldQuarantineAFileWhoseWholeFileItemWasRejected() {
        UUID whole = items.openForDocument(run, SourceRef.wholeFile(card, "charts/card.png", Method.OCR),
                null, "not a medical document");

        decisions.decide(whole, new Decision.Reject("must be quarantined: a grocery receipt"), "scorer", CLI);

        assertThat(text("SELECT outcome || ': ' || reason FROM source_file WHERE id = ?", card))
                .isEqualTo("quarantined: rejected in review: must be quarantined: a grocery receipt");
        assertThat(jdbc.sql("SELECT count(*) FROM review_item WHERE status = 'open'").query(Long.class).single()).isZero();
        assertThat(Map.of("applied", decisions.decide(whole, new Decision.Accept(), "scorer", CLI).applied()))
                .containsEntry("applied", false);
    }
}
