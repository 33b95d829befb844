package org.medrec.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medrec.record.FieldValue;

/**
 * The row operations a record load needs, so that the same load logic ({@link RecordWriter},
 * {@link EntryWriter}) runs against the database statement by statement ({@link JdbcStoreRows})
 * or, for patients new to the store, in memory with one {@code COPY} per table ({@link BulkLoad}).
 */
interface StoreRows {

    /** A column that must equal a value; {@code lower()} on both sides when the value is text. */
    record Condition(String column, Object value) {
    }

    long identifierSystem(String system);

    /** The identifier row and its patient ({@code {identifierId, patientId}}), if the MRN is known. */
    Optional<long[]> identifier(long systemId, String mrn);

    /** A new patient with this identifier: {@code {identifierId, patientId}}. */
    long[] newPatient(long systemId, String mrn);

    /** A value of the patient row as text ({@code index}: of an array column, from 0), or null. */
    String patientValue(long patientId, String column, Integer index);

    void setPatientValue(long patientId, String column, Integer index, String value);

    /**
     * The first entry (lowest id) of the patient in {@code table} whose {@code key} columns equal the
     * given values (text without regard to case) and whose {@code tolerant} columns equal theirs
     * or are null; for diagnoses also of the same encounter (or both without one).
     */
    Optional<Long> findEntry(String table, long patientId, Long encounterId, List<Condition> key,
                             List<Condition> tolerant);

    long insertEntry(String table, long patientId, Long encounterId, Map<String, Object> columns);

    /** Sets a column of an entry where it is still null. */
    void fillEntry(String table, long id, String column, Object value);

    Optional<Long> findVital(long encounterId, String kind);

    long insertVital(long patientId, long encounterId, String kind, BigDecimal value, String unit);

    void provenance(String entity, long entityId, String field, FieldValue value, Long documentId,
                    Reviewed review);
}
