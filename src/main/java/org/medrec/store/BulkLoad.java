package org.medrec.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.medrec.record.DocumentStatus;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loads the records of patients new to the store in bulk: the same load logic as
 * {@link RecordWriter#load} (the same entries merged, the same provenance, the same conflicts),
 * run against rows kept in memory, which {@link #flush()} writes with one {@code COPY} per table
 * in the caller's transaction. Ids come from the tables' own sequences, a block at a time.
 *
 * <p>Only for patients the store does not have yet ({@link #known} tells them apart): what
 * decides an existing patient's load (stored demographics, entries from other sources) is not in
 * memory. Not thread-safe; use it within one transaction.
 */
final class BulkLoad implements StoreRows {

    private static final int FIRST_ID_BLOCK = 1000;
    private static final int MAX_ID_BLOCK = 64_000;
    private static final Set<String> MONEY = Set.of("charge", "payment", "balance");
    private static final List<String> PATIENT_COLUMNS = List.of("family", "given", "suffix", "birth_date", "sex",
            "address_line", "city", "state", "postal_code", "phone");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final JdbcStoreRows database;
    private final Map<String, Long> systems = new HashMap<>();
    private final Map<Long, Boolean> systemHadPatients = new HashMap<>();
    private final Map<String, ArrayDeque<Long>> ids = new HashMap<>();
    private final Map<String, Integer> idBlocks = new HashMap<>();
    private final Map<String, Long> copyNanos = new LinkedHashMap<>();
    private final Map<String, Long> copyRows = new LinkedHashMap<>();

    private final CopyText documents = new CopyText();
    private final CopyText provenance = new CopyText();
    private final CopyText rowProvenance = new CopyText();
    private EntryValues entryValues;
    private final List<String> rowIds = new ArrayList<>();
    private final List<String> rowFields = new ArrayList<>();
    private final List<String> rowCols = new ArrayList<>();
    private final List<String> rowRaws = new ArrayList<>();
    private final List<String> rowConfidences = new ArrayList<>();
    private final Map<String, long[]> identifiers = new LinkedHashMap<>();   // systemId|mrn -> identifierId, patientId
    private final Map<Long, PatientRow> patients = new LinkedHashMap<>();
    private final Map<String, List<EntryRow>> entries = new LinkedHashMap<>();   // table -> rows in id order
    private final Map<String, List<EntryRow>> byPatient = new HashMap<>();   // table|patientId -> rows in id order
    private final Map<String, EntryRow> byId = new HashMap<>();   // table|id
    private final List<Object[]> vitals = new ArrayList<>();
    private final Map<String, Long> vitalIds = new HashMap<>();   // encounterId|kind -> id

    private record PatientRow(Map<String, String> scalars, Map<String, List<String>> arrays) {
    }

    private record EntryRow(long id, String table, long patientId, Long encounterId, Map<String, Object> values) {
    }

    /** The values of one entry read from one sheet row, on their way to one {@code sheet_row_provenance} row. */
    private record EntryValues(String entity, long entityId, long sourceFileId, Long documentId, String sheet, int row,
                               List<String> ids, List<String> fields, List<String> cols, List<String> raws,
                               List<String> confidences) {

        boolean holds(String entity, long entityId, SourceRef s, Long documentId) {
            return this.entity.equals(entity) && this.entityId == entityId && sourceFileId == s.sourceFileId()
                    && Objects.equals(this.documentId, documentId) && sheet.equals(s.sheet()) && row == s.row();
        }
    }

    BulkLoad(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.database = new JdbcStoreRows(jdbc);
    }

    /**
     * The MRNs among {@code mrns} that the store already has in this identifier system. When the
     * store had no patient of the system when this bulk load first asked, none: a file gives each
     * MRN one record, so the patients this load creates are never asked about again (and asking
     * the database would cost a query per batch that gets slower as the load's own rows grow).
     */
    public Set<String> known(String identifierSystem, Collection<String> mrns) {
        if (mrns.isEmpty()) {
            return Set.of();
        }
        long systemId = identifierSystem(identifierSystem);
        boolean any = systemHadPatients.computeIfAbsent(systemId, id -> jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM patient_identifier WHERE system_id = ?)").param(id).query(Boolean.class).single());
        if (!any) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT value FROM patient_identifier WHERE system_id = ? AND value = ANY (?)")
                .params(systemId, mrns.toArray(String[]::new)).query(String.class).list());
    }

    public long newDocumentId() {
        return nextId("document");
    }

    /** A document row, written by the next {@link #flush()} before the values that name it. */
    public void document(long id, long sourceFileId, UUID runId, String docType, String sheet, DocumentStatus status,
                         double confidence, String recordsJson) {
        documents.field(id).field(sourceFileId).field(runId).field(docType).field(null).field(null).field(sheet)
                .field(status.code()).field(Math.round(confidence * 1000) / 1000.0).field(recordsJson).endRow();
    }

    /**
     * Loads a record whose values need no review, of a patient the store does not have (see
     * {@link #known}). The conflicts are those {@link RecordWriter#load} would return.
     */
    public RecordWriter.LoadResult load(ExtractedRecord record, Long documentId) {
        return RecordWriter.load(record, documentId, Map.of(), this);
    }

    /** Writes everything loaded since the last flush: documents, patients, entries, provenance. */
    public void flush() {
        copy("document (id, source_file_id, run_id, doc_type, first_page, last_page, sheet, status, confidence, records)",
                documents);
        CopyText rows = new CopyText();
        patients.forEach((id, p) -> {
            rows.field(id);
            for (String column : PATIENT_COLUMNS) {
                if (column.equals("given") || column.equals("address_line")) {
                    rows.array(p.arrays().getOrDefault(column, List.of()));
                } else {
                    rows.field(p.scalars().get(column));
                }
            }
            rows.endRow();
        });
        copy("patient (id, " + String.join(", ", PATIENT_COLUMNS) + ")", rows);
        identifiers.forEach((key, ids) -> rows.field(ids[0]).field(ids[1])
                .field(key.substring(0, key.indexOf('|'))).field(key.substring(key.indexOf('|') + 1)).endRow());
        copy("patient_identifier (id, patient_id, system_id, value)", rows);
        List<String> tables = new ArrayList<>(EntryWriter.entryTables());
        tables.sort((a, b) -> Boolean.compare(!a.equals("encounter"), !b.equals("encounter")));   // diagnoses name encounters
        for (String table : tables) {
            List<String> columns = EntryWriter.columnsOf(table);
            boolean withEncounter = table.equals("diagnosis");
            for (EntryRow e : entries.getOrDefault(table, List.of())) {
                rows.field(e.id()).field(e.patientId());
                if (withEncounter) {
                    rows.field(e.encounterId());
                }
                columns.forEach(c -> rows.field(e.values().get(c)));
                rows.endRow();
            }
            copy(table + " (id, patient_id, " + (withEncounter ? "encounter_id, " : "") + String.join(", ", columns) + ")",
                    rows);
        }
        vitals.forEach(v -> {
            for (Object o : v) {
                rows.field(o);
            }
            rows.endRow();
        });
        copy("vital_sign (id, patient_id, encounter_id, kind, value, unit)", rows);
        copy("value_provenance (id, entity, entity_id, field, source_file_id, document_id, page, box, sheet, row_num, col,"
                + " method, raw, confidence, review_item_id, reviewed_by, reviewed_at)", provenance);
        endEntryValues();
        copy("sheet_row_provenance (entity, entity_id, source_file_id, document_id, sheet, row_num, ids, fields, cols, raws,"
                + " confidences)", rowProvenance);
        identifiers.clear();
        patients.clear();
        entries.clear();
        byPatient.clear();
        byId.clear();
        vitals.clear();
        vitalIds.clear();
    }

    private void copy(String tableAndColumns, CopyText rows) {
        if (rows.rows() > 0) {
            long start = System.nanoTime();
            CopyIn.copy(dataSource, tableAndColumns, rows.text());
            String table = tableAndColumns.substring(0, tableAndColumns.indexOf(' '));
            copyNanos.merge(table, System.nanoTime() - start, Long::sum);
            copyRows.merge(table, (long) rows.rows(), Long::sum);
        }
        rows.clear();
    }

    /** Rows written and milliseconds spent per table, for the log. */
    public String statistics() {
        StringBuilder out = new StringBuilder();
        copyRows.forEach((table, n) -> out.append(table).append(' ').append(n).append(" rows ")
                .append(copyNanos.get(table) / 1_000_000).append(" ms; "));
        return out.toString();
    }

    private long nextId(String table) {
        ArrayDeque<Long> free = ids.computeIfAbsent(table, t -> new ArrayDeque<>());
        if (free.isEmpty()) {
            // a block of ids a query, twice as many each time (a million-row sheet takes millions of ids)
            int block = idBlocks.merge(table, FIRST_ID_BLOCK, (was, first) -> Math.min(was * 2, MAX_ID_BLOCK));
            free.addAll(jdbc.sql("SELECT nextval(?::regclass) FROM generate_series(1, ?) ORDER BY 1")
                    .params(table + "_id_seq", block).query(Long.class).list());
        }
        return free.removeFirst();
    }

    // StoreRows, in memory

    @Override
    public long identifierSystem(String system) {
        return systems.computeIfAbsent(system, database::identifierSystem);
    }

    @Override
    public Optional<long[]> identifier(long systemId, String mrn) {
        return Optional.ofNullable(identifiers.get(systemId + "|" + mrn));
    }

    @Override
    public long[] newPatient(long systemId, String mrn) {
        long patientId = nextId("patient");
        long[] ids = {nextId("patient_identifier"), patientId};
        if (identifiers.putIfAbsent(systemId + "|" + mrn, ids) != null) {
            throw new IllegalStateException("one patient loaded twice in one bulk load");
        }
        patients.put(patientId, new PatientRow(new HashMap<>(), new HashMap<>()));
        return ids;
    }

    @Override
    public String patientValue(long patientId, String column, Integer index) {
        PatientRow row = row(patientId);
        if (index == null) {
            return row.scalars().get(column);
        }
        List<String> array = row.arrays().getOrDefault(column, List.of());
        return index < array.size() ? array.get(index) : null;
    }

    @Override
    public void setPatientValue(long patientId, String column, Integer index, String value) {
        PatientRow row = row(patientId);
        if (index == null) {
            row.scalars().put(column, value);
            return;
        }
        List<String> array = row.arrays().computeIfAbsent(column, c -> new ArrayList<>());
        while (array.size() <= index) {
            array.add(null);
        }
        array.set(index, value);
    }

    private PatientRow row(long patientId) {
        PatientRow row = patients.get(patientId);
        if (row == null) {
            throw new IllegalStateException("patient " + patientId + " is not one this bulk load created");
        }
        return row;
    }

    @Override
    public Optional<Long> findEntry(String table, long patientId, Long encounterId, List<Condition> key,
                                    List<Condition> tolerant) {
        for (EntryRow e : byPatient.getOrDefault(table + "|" + patientId, List.of())) {
            if (table.equals("diagnosis") && !Objects.equals(e.encounterId(), encounterId)) {
                continue;
            }
            boolean match = key.stream().allMatch(c -> sameIgnoringCase(e.values().get(c.column()), c.value()))
                    && tolerant.stream().allMatch(c -> e.values().get(c.column()) == null
                    || same(e.values().get(c.column()), c.value()));
            if (match) {
                return Optional.of(e.id());
            }
        }
        return Optional.empty();
    }

    @Override
    public long insertEntry(String table, long patientId, Long encounterId, Map<String, Object> columns) {
        Map<String, Object> values = new HashMap<>();
        columns.forEach((c, v) -> values.put(c, stored(c, v)));
        EntryRow row = new EntryRow(nextId(table), table, patientId, encounterId, values);
        entries.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
        byPatient.computeIfAbsent(table + "|" + patientId, k -> new ArrayList<>()).add(row);
        byId.put(table + "|" + row.id(), row);
        return row.id();
    }

    @Override
    public void fillEntry(String table, long id, String column, Object value) {
        EntryRow row = byId.get(table + "|" + id);
        if (row == null) {
            throw new IllegalStateException(table + " " + id + " is not one this bulk load created");
        }
        row.values().putIfAbsent(column, stored(column, value));
    }

    @Override
    public Optional<Long> findVital(long encounterId, String kind) {
        return Optional.ofNullable(vitalIds.get(encounterId + "|" + kind));
    }

    @Override
    public long insertVital(long patientId, long encounterId, String kind, BigDecimal value, String unit) {
        long id = nextId("vital_sign");
        vitals.add(new Object[] {id, patientId, encounterId, kind, value, unit});
        vitalIds.put(encounterId + "|" + kind, id);
        return id;
    }

    /**
     * A value's provenance. A value of an entry read from a sheet row, not decided by a person, joins
     * the entry's other values of that row in one {@code sheet_row_provenance} row; the others
     * (patient and identifier values, values from pages, reviewed values) get a {@code value_provenance}
     * row each. Either way the value has an id of {@code value_provenance}'s sequence.
     */
    @Override
    public void provenance(String entity, long entityId, String field, FieldValue value, Long documentId,
                           Reviewed review) {
        SourceRef s = value.source();
        long id = nextId("value_provenance");
        double confidence = Math.round(value.confidence() * 1000) / 1000.0;
        if (review == null && s.method() == Method.SPREADSHEET && s.sheet() != null && s.row() != null && s.page() == null
                && !entity.equals("patient") && !entity.equals("patient_identifier")) {
            if (entryValues == null || !entryValues.holds(entity, entityId, s, documentId)) {
                endEntryValues();
                entryValues = new EntryValues(entity, entityId, s.sourceFileId(), documentId, s.sheet(), s.row(),
                        rowIds, rowFields, rowCols, rowRaws, rowConfidences);   // lists reused: written out at the end
            }
            entryValues.ids().add(Long.toString(id));
            entryValues.fields().add(field);
            entryValues.cols().add(s.column());
            entryValues.raws().add(value.raw());
            entryValues.confidences().add(Double.toString(confidence));
            return;
        }
        provenance.field(id).field(entity).field(entityId).field(field).field(s.sourceFileId()).field(documentId).field(s.page())
                .field(s.boxLiteral()).field(s.sheet()).field(s.row()).field(s.column()).field(s.method().code())
                .field(value.raw()).field(confidence)
                .field(review == null ? null : review.reviewItemId())
                .field(review == null ? null : review.reviewer())
                .field(review == null ? null : review.at()).endRow();
    }

    private void endEntryValues() {
        EntryValues e = entryValues;
        if (e != null) {
            rowProvenance.field(e.entity()).field(e.entityId()).field(e.sourceFileId()).field(e.documentId()).field(e.sheet())
                    .field(e.row()).array(e.ids()).array(e.fields()).array(e.cols()).array(e.raws()).array(e.confidences())
                    .endRow();
            entryValues = null;
            rowIds.clear();
            rowFields.clear();
            rowCols.clear();
            rowRaws.clear();
            rowConfidences.clear();
        }
    }

    /** A value as the column keeps it: money rounded to cents, as numeric(12, 2) does. */
    private static Object stored(String column, Object value) {
        return value instanceof BigDecimal d && MONEY.contains(column) ? d.setScale(2, RoundingMode.HALF_UP) : value;
    }

    /** SQL's {@code lower(a) = lower(b)} for text, {@code a = b} otherwise; null equals nothing. */
    private static boolean sameIgnoringCase(Object stored, Object wanted) {
        if (stored == null || wanted == null) {
            return false;
        }
        if (wanted instanceof String w) {
            return stored.toString().toLowerCase(Locale.ROOT).equals(w.toLowerCase(Locale.ROOT));
        }
        return same(stored, wanted);
    }

    private static boolean same(Object stored, Object wanted) {
        if (stored == null || wanted == null) {
            return false;
        }
        if (stored instanceof BigDecimal a && wanted instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return stored.equals(wanted);
    }
}
