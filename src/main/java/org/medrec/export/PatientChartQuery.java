package org.medrec.export;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medrec.export.PatientChart.AllergyRow;
import org.medrec.export.PatientChart.AppointmentRow;
import org.medrec.export.PatientChart.ChargeRow;
import org.medrec.export.PatientChart.CoverageRow;
import org.medrec.export.PatientChart.Demographics;
import org.medrec.export.PatientChart.DiagnosisRow;
import org.medrec.export.PatientChart.EncounterRow;
import org.medrec.export.PatientChart.ImmunizationRow;
import org.medrec.export.PatientChart.MedicationRow;
import org.medrec.export.PatientChart.Mrn;
import org.medrec.export.PatientChart.PaymentRow;
import org.medrec.export.PatientChart.SourceFileRow;
import org.medrec.export.PatientChart.ValueSource;
import org.medrec.export.PatientChart.VitalRow;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads patients from the record store: the list of patients with their MRNs, and one patient's
 * whole chart. Every row in the store's record tables is released (values waiting for review are
 * held in {@code document.records}, never here), so everything is read. Thread-safe.
 */
final class PatientChartQuery {

    /** A patient and its MRNs, the first recorded first. */
    record PatientIds(long patientId, List<String> mrns) {
        PatientIds {
            mrns = List.copyOf(mrns);
        }
    }

    /** The entities of {@code value_provenance} that hang off a patient through a {@code patient_id} column. */
    private static final List<String> PATIENT_TABLES = List.of("patient_identifier", "coverage", "encounter", "diagnosis",
            "vital_sign", "medication", "allergy", "immunization", "appointment", "charge", "payment");

    private final JdbcClient jdbc;

    PatientChartQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every patient, by id, with its MRNs in the order they were recorded; not those merged into another (a link). */
    List<PatientIds> patients() {
        Map<Long, List<String>> mrns = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT p.id, pi.value FROM patient p LEFT JOIN patient_identifier pi ON pi.patient_id = p.id
                WHERE p.merged_into IS NULL
                ORDER BY p.id, pi.id""")
                .query((ResultSet rs) -> {
                    List<String> list = mrns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
                    if (rs.getString(2) != null) {
                        list.add(rs.getString(2));
                    }
                });
        return mrns.entrySet().stream().map(e -> new PatientIds(e.getKey(), e.getValue())).toList();
    }

    Optional<PatientChart> chart(long patientId) {
        Optional<Demographics> patient = jdbc.sql("""
                SELECT family, given, suffix, birth_date, sex, address_line, city, state, postal_code, phone
                FROM patient WHERE id = ?""").param(patientId)
                .query((rs, n) -> new Demographics(rs.getString("family"), strings(rs.getArray("given")),
                        rs.getString("suffix"), rs.getObject("birth_date", LocalDate.class), rs.getString("sex"),
                        strings(rs.getArray("address_line")), rs.getString("city"), rs.getString("state"),
                        rs.getString("postal_code"), rs.getString("phone")))
                .optional();
        if (patient.isEmpty()) {
            return Optional.empty();
        }
        List<Mrn> identifiers = rows("""
                SELECT pi.id, s.system, pi.value FROM patient_identifier pi JOIN identifier_system s ON s.id = pi.system_id
                WHERE pi.patient_id = ? ORDER BY pi.id""", patientId,
                rs -> new Mrn(rs.getLong(1), rs.getString(2), rs.getString(3)));
        List<CoverageRow> coverages = rows("SELECT id, payer, member_id, group_number FROM coverage WHERE patient_id = ? ORDER BY id",
                patientId, rs -> new CoverageRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        List<EncounterRow> encounters = rows("SELECT id, date, provider, npi, reason FROM encounter WHERE patient_id = ? ORDER BY id",
                patientId, rs -> new EncounterRow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getString(5)));
        List<DiagnosisRow> diagnoses = rows("SELECT id, encounter_id, code, display FROM diagnosis WHERE patient_id = ? ORDER BY id",
                patientId, rs -> new DiagnosisRow(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4)));
        List<VitalRow> vitals = rows("SELECT id, encounter_id, kind, value, unit FROM vital_sign WHERE patient_id = ? ORDER BY id",
                patientId, rs -> new VitalRow(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
                        rs.getBigDecimal(4), rs.getString(5)));
        List<MedicationRow> medications = rows("SELECT id, name, dose, route, frequency FROM medication WHERE patient_id = ? ORDER BY id",
                patientId, rs -> new MedicationRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        List<AllergyRow> allergies = rows("SELECT id, substance, reaction FROM allergy WHERE patient_id = ? ORDER BY id",
                patientId, rs -> new AllergyRow(rs.getLong(1), rs.getString(2), rs.getString(3)));
        List<ImmunizationRow> immunizations = rows("SELECT id, vaccine, cvx, date, lot FROM immunization WHERE patient_id = ? ORDER BY id",
                patientId, rs -> new ImmunizationRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5)));
        List<AppointmentRow> appointments = rows("SELECT id, date, time, provider, status FROM appointment WHERE patient_id = ? ORDER BY id",
                patientId, rs -> new AppointmentRow(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalTime.class), rs.getString(4), rs.getString(5)));
        List<ChargeRow> charges = rows("""
                SELECT id, date, cpt, description, charge, payment, balance FROM charge WHERE patient_id = ? ORDER BY id""",
                patientId, rs -> new ChargeRow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7)));
        List<PaymentRow> payments = rows("SELECT id, charge_id, date, amount, payer FROM payment WHERE patient_id = ? ORDER BY id",
                patientId, rs -> new PaymentRow(rs.getLong(1), rs.getObject(2, Long.class), rs.getObject(3, LocalDate.class),
                        rs.getBigDecimal(4), rs.getString(5)));
        List<ValueSource> sources = valueSources(patientId);
        List<Long> fileIds = sources.stream().map(ValueSource::sourceFileId).distinct().toList();
        List<SourceFileRow> files = fileIds.isEmpty() ? List.of() : jdbc.sql("""
                SELECT id, sha256, size_bytes, first_path, format, created_at FROM source_file
                WHERE id IN (:ids) ORDER BY id""")
                .param("ids", fileIds)
                .query((rs, n) -> new SourceFileRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                .list();
        return Optional.of(new PatientChart(patientId, identifiers, patient.get(), coverages, encounters, diagnoses, vitals,
                medications, allergies, immunizations, appointments, charges, payments, files, sources));
    }

    private List<ValueSource> valueSources(long patientId) {
        StringBuilder where = new StringBuilder("(vp.entity = 'patient' AND vp.entity_id = ?)");
        List<Object> params = new ArrayList<>(List.of(patientId));
        for (String table : PATIENT_TABLES) {
            where.append(" OR (vp.entity = '").append(table).append("' AND vp.entity_id IN (SELECT id FROM ")
                    .append(table).append(" WHERE patient_id = ?))");
            params.add(patientId);
        }
        return jdbc.sql("""
                SELECT vp.entity, vp.entity_id, vp.field, vp.source_file_id, vp.page, vp.sheet, vp.row_num, vp.method,
                       vp.reviewed_by, vp.created_at
                FROM value_provenance_all vp WHERE """ + where + " ORDER BY vp.id")
                .params(params)
                .query((rs, n) -> new ValueSource(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getObject(5, Integer.class), rs.getString(6), rs.getObject(7, Integer.class), rs.getString(8),
                        rs.getString(9), rs.getObject(10, OffsetDateTime.class)))
                .list();
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> rows(String sql, long patientId, Row<T> row) {
        return jdbc.sql(sql).param(patientId).query((rs, n) -> row.map(rs)).list();
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).filter(v -> v != null).map(Object::toString).toList();
    }
}
