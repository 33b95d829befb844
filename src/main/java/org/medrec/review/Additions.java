package org.medrec.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.medrec.audit.AuditLog;
import org.medrec.record.DocumentStatus;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.medrec.store.RecordLoader;
import org.medrec.store.ReviewItemWriter;
import org.medrec.store.Reviewed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Values a technician adds to a document's record that extraction missed but the page shows (a
 * value, or a whole entry: several values of one new {@code immunizations[3]}), from the page of
 * any item of the document. Each added value is a review item of its own, opened on the item's
 * page and decided at once as a typed value ({@link ReviewDecisions}: the field's validator, the
 * audit log, plus {@code review.add}). A held document loads them when it is released
 * ({@link ReleasePlan} adds decided paths the record lacked); on a loaded document a demographic
 * value is set as a correction is ({@link LoadedValueCorrection}) and the other values are loaded
 * through the store's loader now, with the technician in their provenance. All or nothing: one
 * refused value adds none. Thread-safe.
 */
@Service
class Additions {

    static final String REASON = "added by a technician: the page shows it, extraction did not read it";

    private static final Logger log = LoggerFactory.getLogger(Additions.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ExtractedRecord>> RECORDS = new TypeReference<>() {
    };

    private record Item(UUID runId, long sourceFileId, String path, Integer page, Long documentId, Integer recordIndex,
                        String mrn) {
    }

    private final JdbcClient jdbc;
    private final ReviewItemWriter items;
    private final ReviewDecisions decisions;
    private final RecordLoader loader;
    private final AuditLog audit;

    Additions(JdbcClient jdbc, ReviewItemWriter items, ReviewDecisions decisions, RecordLoader loader, AuditLog audit) {
        this.jdbc = jdbc;
        this.items = items;
        this.decisions = decisions;
        this.loader = loader;
        this.audit = audit;
    }

    /** Adds {@code values} (value by record-model path) to the record of item {@code itemId}'s document. */
    @Transactional
    public DecisionResult add(UUID itemId, Map<String, String> values, String user, AuditLog.Origin origin) {
        Item item = jdbc.sql("""
                SELECT run_id, source_file_id, path, page, document_id, record_index, mrn FROM review_item WHERE id = ?""")
                .param(itemId).query((rs, n) -> new Item(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                        (Integer) rs.getObject(4), (Long) rs.getObject(5), (Integer) rs.getObject(6), rs.getString(7)))
                .optional().orElse(null);
        if (item == null || item.documentId() == null || item.recordIndex() == null) {
            return refused(itemId, "values are added to a document's record: this item is not about one");
        }
        DocumentStatus status = DocumentStatus.of(jdbc.sql("SELECT status FROM document WHERE id = ? FOR NO KEY UPDATE")
                .param(item.documentId()).query(String.class).single());
        String json = jdbc.sql("SELECT records::text FROM document WHERE id = ?").param(item.documentId())
                .query(String.class).single();
        List<ExtractedRecord> records = json == null ? List.of() : JSON.readValue(json, RECORDS);
        if (status == DocumentStatus.QUARANTINED || item.recordIndex() >= records.size()) {
            return refused(itemId, "the document's record is not in the store nor held for review: nothing can be added to it");
        }
        ExtractedRecord record = records.get(item.recordIndex());
        List<String> problems = new ArrayList<>();
        Map<String, String> normal = new LinkedHashMap<>();
        values.forEach((field, typed) -> {
            if (!KeyingForm.isPath(field) || !CorrectedValues.holdsOneValue(field)) {
                problems.add(field + ": not a field of the record model (patient.phone, immunizations[2].lot, ...)");
            } else if (record.fields().stream().anyMatch(f -> f.path().equals(field)) || decided(item.documentId(), field)) {
                problems.add(field + ": the record has this value already: correct it on its own item");
            } else {
                CorrectedValues.Checked checked = CorrectedValues.check(field, typed, LocalDate.now());
                if (checked.ok()) {
                    normal.put(field, checked.value());
                } else {
                    problems.add(field + ": " + checked.problem());
                }
            }
        });
        if (values.isEmpty()) {
            problems.add("type the field and its value");
        }
        if (!problems.isEmpty()) {
            return refused(itemId, String.join("; ", problems));
        }
        SourceRef where = SourceRef.onPage(item.sourceFileId(), item.path(), item.page() == null ? 1 : item.page(), null,
                Method.TECHNICIAN);
        List<FieldValue> added = new ArrayList<>();
        Map<String, Reviewed> reviews = new HashMap<>();
        for (Map.Entry<String, String> value : normal.entrySet()) {
            UUID id = items.openForField(item.runId(), item.documentId(), item.recordIndex(), item.mrn(), value.getKey(), where,
                    null, REASON);
            DecisionResult result = decisions.decide(id, new Decision.Value(value.getValue()), user, origin);
            if (!result.applied()) {
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
                return refused(itemId, value.getKey() + ": " + result.message());
            }
            audit.append(user, origin, "review.add", "review_item", id.toString(), null, value.getKey());
            OffsetDateTime at = jdbc.sql("SELECT decided_at FROM review_item WHERE id = ?").param(id)
                    .query(OffsetDateTime.class).single();
            reviews.put(value.getKey(), new Reviewed(id, user, at));
            if (!CorrectedValues.isPatientValue(value.getKey())) {
                added.add(new FieldValue(value.getKey(), null, value.getValue(), 1.0, where, null));
            }
        }
        if (status == DocumentStatus.LOADED && !added.isEmpty() && record.mrn() != null) {
            loader.release(item.runId(), item.documentId(), List.of(new RecordLoader.Ready(item.recordIndex(),
                    withTheirEntries(record, added), Map.copyOf(reviews))));
        }
        log.info("review item {}: {} values added to document {}", itemId, normal.size(), item.documentId());
        return DecisionResult.applied(itemId, "add", null);
    }

    /** The added values, with the stored values of the entries they complete (so the entry is found, not doubled). */
    private static ExtractedRecord withTheirEntries(ExtractedRecord record, List<FieldValue> added) {
        List<FieldValue> fields = new ArrayList<>(added);
        for (FieldValue value : added) {
            String entry = KeyingForm.entryOf(value.path());
            if (entry != null) {
                record.fields().stream().filter(f -> f.path().startsWith(entry + ".") && f.value() != null && !f.needsReview())
                        .forEach(fields::add);
            }
        }
        fields.add(record.fields().stream().filter(f -> f.path().equals("mrn")).findFirst()
                .orElse(new FieldValue("mrn", null, record.mrn(), 1.0, added.get(0).source(), null)));
        return new ExtractedRecord(record.identifierSystem(), record.mrn(), record.docType(),
                fields.stream().distinct().toList());
    }

    /**
     * The paths a technician may add to a record that has {@code present}: the patient's values it
     * lacks, the missing values of its entries, and every value of one more entry of each list.
     */
    static List<String> addable(List<String> present) {
        List<String> paths = new ArrayList<>();
        for (String field : List.of("patient.family", "patient.given[0]", "patient.given[1]", "patient.suffix",
                "patient.birth_date", "patient.sex", "patient.phone", "patient.mobile", "patient.address.line[0]",
                "patient.address.line[1]", "patient.address.city", "patient.address.state", "patient.address.postal_code")) {
            if (!present.contains(field)) {
                paths.add(field);
            }
        }
        for (String list : List.of("immunizations", "medications", "allergies", "conditions", "appointments", "charges",
                "patient.insurance")) {
            int entries = 0;
            while (true) {
                String entry = list + "[" + entries + "].";
                if (present.stream().noneMatch(p -> p.startsWith(entry))) {
                    break;
                }
                KeyedRecords.entryFields(list).stream().map(f -> entry + f).filter(p -> !present.contains(p)).forEach(paths::add);
                entries++;
            }
            String next = list + "[" + entries + "].";
            KeyedRecords.entryFields(list).forEach(f -> paths.add(next + f));
        }
        return List.copyOf(paths);
    }

    /** Whether a value was already decided (or added) for this path of the document. */
    private boolean decided(long documentId, String field) {
        return jdbc.sql("SELECT count(*) FROM review_item WHERE document_id = ? AND field = ? AND decision IN ('accept', 'value')")
                .params(documentId, field).query(Long.class).single() > 0;
    }

    private static DecisionResult refused(UUID itemId, String why) {
        log.info("review item {}: addition refused", itemId);
        return DecisionResult.refused(itemId, why);
    }
}
