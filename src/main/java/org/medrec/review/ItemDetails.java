package org.medrec.review;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One review item as its page shows it: where it points (file, page and box, or sheet, row and
 * column), what was read, the proposed value, the reason, and the rest of its record from the
 * document's extracted records (for a spreadsheet row: the row's cells). Thread-safe.
 */
@Repository
public class ItemDetails {

    /** One value of the item's record; {@code current} marks the item's own field. */
    public record RecordValue(String field, String raw, String value, Double confidence, String column, Integer page,
                              String reviewReason, boolean current) {
    }

    /** The item and its context. {@code source} is the file on disk (the run's input folder and the item's path). */
    public record Item(UUID id, String kind, String identifierSystem, UUID runId, String status, String docType, String documentStatus, String path, Path source,
                       String format, long sourceFileId, Integer page, int[] box, String sheet, Integer row, String column,
                       String mrn, String field, String raw, String proposed, BigDecimal confidence, String reason,
                       String decision, String decidedValue, String rejectReason, String decidedBy,
                       OffsetDateTime decidedAt, OffsetDateTime createdAt, List<RecordValue> record) {

        public boolean open() {
            return status.equals("open");
        }

        public boolean onPage() {
            return page != null;
        }

        /** A document or spreadsheet row medrec could not read: a person keys it. */
        public boolean keyed() {
            return kind.equals("document") || kind.equals("row");
        }

        public boolean holdsOneValue() {
            return CorrectedValues.holdsOneValue(field);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public ItemDetails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Item> find(UUID id) {
        return jdbc.sql("""
                SELECT ri.id, ri.status, d.doc_type, d.status, ri.path, mr.input_dir, sf.format, ri.source_file_id, ri.page,
                       ri.box, ri.sheet, ri.row_num, ri.col, ri.mrn, ri.field, ri.raw, ri.proposed_value, ri.confidence,
                       ri.reason, ri.decision, ri.decided_value, ri.reject_reason, ri.decided_by, ri.decided_at, ri.created_at,
                       ri.record_index, d.records::text, ri.kind, ri.identifier_system, ri.run_id
                FROM review_item ri
                JOIN source_file sf ON sf.id = ri.source_file_id
                LEFT JOIN migration_run mr ON mr.id = COALESCE(ri.run_id, sf.first_run_id)
                LEFT JOIN document d ON d.id = ri.document_id
                WHERE ri.id = ?""")
                .param(id)
                .query((rs, n) -> {
                    String path = rs.getString(5);
                    String inputDir = rs.getString(6);
                    java.sql.Array box = rs.getArray(10);
                    int[] boxes = null;
                    if (box != null) {
                        Integer[] values = (Integer[]) box.getArray();
                        boxes = new int[] {values[0], values[1], values[2], values[3]};
                    }
                    String field = rs.getString(15);
                    Integer recordIndex = (Integer) rs.getObject(26);
                    return new Item(rs.getObject(1, UUID.class), rs.getString(28), rs.getString(29),
                            rs.getObject(30, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), path,
                            inputDir == null ? null : Path.of(inputDir).resolve(path).normalize(), rs.getString(7),
                            rs.getLong(8), (Integer) rs.getObject(9), boxes, rs.getString(11), (Integer) rs.getObject(12),
                            rs.getString(13), rs.getString(14), field, rs.getString(16), rs.getString(17),
                            rs.getBigDecimal(18), rs.getString(19), rs.getString(20), rs.getString(21), rs.getString(22),
                            rs.getString(23), rs.getObject(24, OffsetDateTime.class), rs.getObject(25, OffsetDateTime.class),
                            recordValues(rs.getString(27), recordIndex, field));
                })
                .optional();
    }

    /** The fields of record {@code index} of a document's extracted records (JSON of {@code ExtractedRecord}s). */
    static List<RecordValue> recordValues(String recordsJson, Integer index, String field) {
        if (recordsJson == null || index == null) {
            return List.of();
        }
        JsonNode records = JSON.readTree(recordsJson);
        if (!records.isArray() || index >= records.size()) {
            return List.of();
        }
        List<RecordValue> values = new ArrayList<>();
        for (JsonNode f : records.get(index).path("fields")) {
            JsonNode source = f.path("source");
            String path = text(f, "path");
            values.add(new RecordValue(path, text(f, "raw"), text(f, "value"),
                    f.hasNonNull("confidence") ? f.get("confidence").asDouble() : null, text(source, "column"),
                    source.hasNonNull("page") ? source.get("page").asInt() : null, text(f, "reviewReason"),
                    path != null && path.equals(field)));
        }
        return List.copyOf(values);
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.asString();
    }
}
