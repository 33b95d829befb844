package org.medrec.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.medrec.audit.AuditLog;
import org.medrec.extraction.chart.FormCatalog;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.medrec.store.RecordLoader;
import org.medrec.store.Reviewed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A technician keys a document or a spreadsheet row medrec could not read (the {@code record}
 * action): the document type is one medrec knows (for a row it may be left out), the clinic is
 * the one the technician names or the one medrec knows for the item (a clinic it does not know is
 * created by this decision, audited), every value is checked as a correction is
 * ({@link KeyedRecords}), and the records are loaded through the store's loader with provenance
 * {@code keyed}: the technician, the item, the page or row. A bad row may instead be finished with
 * its corrected cells, read again with its mapping ({@link RowCells}). Runs in the decision's transaction.
 * Thread-safe.
 */
@Component
class Keying {

    /** Where a keyed item stands. */
    record Item(UUID id, UUID runId, long sourceFileId, String kind, String path, Integer page, String sheet, Integer row,
                String identifierSystem) {
    }

    /** Checked and ready to load, or why not (one message per problem, joined). */
    record Plan(String refusal, String docType, String identifierSystem, String newClinic, KeyedRecords.Keyed keyed) {
    }

    private static final Set<String> KEYED_KINDS = Set.of("document", "row");

    private final JdbcClient jdbc;
    private final FormCatalog forms;
    private final ClinicDirectory clinics;
    private final RecordLoader loader;
    private final AuditLog audit;
    private final RowCells rows;

    Keying(JdbcClient jdbc, FormCatalog forms, ClinicDirectory clinics, RecordLoader loader, AuditLog audit, RowCells rows) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.forms = forms;
        this.clinics = clinics;
        this.loader = loader;
        this.audit = audit;
    }

    /** The document types a technician picks from. */
    List<String> docTypes() {
        return forms.forms().stream().map(f -> f.docType()).sorted().toList();
    }

    Item item(UUID id) {
        return jdbc.sql("""
                SELECT id, run_id, source_file_id, kind, path, page, sheet, row_num, identifier_system
                FROM review_item WHERE id = ?""").param(id)
                .query((rs, n) -> new Item(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3),
                        rs.getString(4), rs.getString(5), (Integer) rs.getObject(6), rs.getString(7),
                        (Integer) rs.getObject(8), rs.getString(9)))
                .single();
    }

    /** Checks what was keyed; nothing is stored. */
    Plan check(Item item, Decision.Record keyed, LocalDate today) {
        if (!KEYED_KINDS.contains(item.kind())) {
            return refused("only an item of kind document or row is keyed with records; this one is a " + item.kind());
        }
        String docType = keyed.docType() == null || keyed.docType().isBlank() ? null : keyed.docType().strip();
        if (docType == null && item.kind().equals("document")) {
            return refused("doc_type is needed: one of " + String.join(", ", docTypes()));
        }
        if (docType != null && item.kind().equals("document") && !docTypes().contains(docType)) {
            return refused("doc_type '" + docType + "' is not a document type medrec knows: one of "
                    + String.join(", ", docTypes()));
        }
        String system = item.identifierSystem();
        String newClinic = null;
        if (keyed.clinic() != null && !keyed.clinic().isBlank()) {
            Optional<String> known = clinics.find(keyed.clinic());
            system = known.orElse(null);
            newClinic = known.isEmpty() ? keyed.clinic().strip() : null;
        } else if (system == null) {
            return refused("medrec does not know this document's clinic: name it (clinic), as printed or as its identifier"
                    + " system; a clinic medrec does not know is created by this decision");
        }
        String filedUnder = system != null ? system : newClinic;
        KeyedRecords.Keyed records = KeyedRecords.read(keyed.records(), filedUnder, docType == null ? "row" : docType,
                where(item), today);
        if (!records.ok()) {
            return refused(String.join("; ", records.problems().stream().map(KeyedRecords.Problem::toString).toList()));
        }
        return new Plan(null, docType == null ? "row" : docType, system, newClinic, records);
    }

    /** Checks a row finished with its cells as corrected ({@link RowCells}); nothing is stored. */
    Plan check(Item item, Decision.Row row, LocalDate today) {
        if (!item.kind().equals("row")) {
            return refused("only an item of kind row is finished with its cells; this one is a " + item.kind());
        }
        RowCells.Finished finished = rows.finish(item.id(), row.cells(), today);
        if (!finished.ok()) {
            return refused(finished.problem());
        }
        ExtractedRecord record = finished.record();
        return new Plan(null, record.docType(), record.identifierSystem(), null,
                new KeyedRecords.Keyed(List.of(record), List.of(), finished.values()));
    }

    /** Loads a checked plan (the item is resolved by the caller); the review items the load opened. */
    int load(Item item, Plan plan, String user, OffsetDateTime at, AuditLog.Origin origin) {
        KeyedRecords.Keyed keyed = plan.keyed();
        if (plan.newClinic() != null) {
            String system = clinics.create(plan.newClinic(), user, origin);
            keyed = new KeyedRecords.Keyed(keyed.records().stream().map(r -> new ExtractedRecord(system,
                    r.mrn(), r.docType(), r.fields())).toList(), List.of(), keyed.values());
        }
        int pages = jdbc.sql("SELECT coalesce(pages, 1) FROM source_file WHERE id = ?").param(item.sourceFileId())
                .query(Integer.class).single();
        RecordLoader.Source source = item.row() != null || item.sheet() != null
                ? new RecordLoader.Source(item.runId(), item.sourceFileId(), plan.docType(), null, null, item.sheet(), 1.0)
                : new RecordLoader.Source(item.runId(), item.sourceFileId(), plan.docType(), 1, pages,
                        null, 1.0);
        RecordLoader.Released released = loader.key(item.id(), source, keyed.records(), new Reviewed(item.id(), user, at));
        audit.append(user, origin, "review.record.load", "review_item", item.id().toString(), null,
                plan.docType() + ": " + released.records() + " records, " + keyed.values() + " values keyed");
        return released.reviewItems();
    }

    /** The place keyed values come from: the item's row, or its page (the first page for a whole file). */
    private static SourceRef where(Item item) {
        if (item.row() != null || item.sheet() != null) {
            return new SourceRef(item.sourceFileId(), item.path(), null, null, item.sheet(), item.row() == null ? 1 : item.row(),
                    null, Method.KEYED);
        }
        return SourceRef.onPage(item.sourceFileId(), item.path(), item.page() == null ? 1 : item.page(), null, Method.KEYED);
    }

    private static Plan refused(String why) {
        return new Plan(why, null, null, null, null);
    }
}
