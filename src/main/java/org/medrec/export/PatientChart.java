package org.medrec.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything the store holds about one patient, as read for the export: the rows of the record
 * store in source order (by id), the source files its values came from and the provenance of
 * every value. Immutable; thread-safe.
 */
record PatientChart(long patientId, List<Mrn> identifiers, Demographics patient, List<CoverageRow> coverages,
                    List<EncounterRow> encounters, List<DiagnosisRow> diagnoses, List<VitalRow> vitals,
                    List<MedicationRow> medications, List<AllergyRow> allergies, List<ImmunizationRow> immunizations,
                    List<AppointmentRow> appointments, List<ChargeRow> charges, List<PaymentRow> payments,
                    List<SourceFileRow> sourceFiles, List<ValueSource> sources) {

    PatientChart {
        identifiers = List.copyOf(identifiers);
        coverages = List.copyOf(coverages);
        encounters = List.copyOf(encounters);
        diagnoses = List.copyOf(diagnoses);
        vitals = List.copyOf(vitals);
        medications = List.copyOf(medications);
        allergies = List.copyOf(allergies);
        immunizations = List.copyOf(immunizations);
        appointments = List.copyOf(appointments);
        charges = List.copyOf(charges);
        payments = List.copyOf(payments);
        sourceFiles = List.copyOf(sourceFiles);
        sources = List.copyOf(sources);
    }

    /** A medical record number in a clinic's identifier system. */
    record Mrn(long id, String system, String value) {
    }

    record Demographics(String family, List<String> given, String suffix, LocalDate birthDate, String sex,
                        List<String> addressLines, String city, String state, String postalCode, String phone) {
        Demographics {
            given = List.copyOf(given);
            addressLines = List.copyOf(addressLines);
        }
    }

    record CoverageRow(long id, String payer, String memberId, String group) {
    }

    record EncounterRow(long id, LocalDate date, String provider, String npi, String reason) {
    }

    /** {@code encounterId} null: an entry of the problem list. */
    record DiagnosisRow(long id, Long encounterId, String code, String display) {
    }

    record VitalRow(long id, Long encounterId, String kind, BigDecimal value, String unit) {
    }

    record MedicationRow(long id, String name, String dose, String route, String frequency) {
    }

    record AllergyRow(long id, String substance, String reaction) {
    }

    record ImmunizationRow(long id, String vaccine, String cvx, LocalDate date, String lot) {
    }

    record AppointmentRow(long id, LocalDate date, LocalTime time, String provider, String status) {
    }

    record ChargeRow(long id, LocalDate date, String cpt, String description, BigDecimal charge, BigDecimal payment,
                     BigDecimal balance) {
    }

    /** An individual payment; {@code chargeId} null when the source does not say which charge it pays. */
    record PaymentRow(long id, Long chargeId, LocalDate date, BigDecimal amount, String payer) {
    }

    record SourceFileRow(long id, String sha256, long sizeBytes, String path, String format, OffsetDateTime createdAt) {
    }

    /**
     * Where one stored value came from ({@code value_provenance}): the entity and field, the
     * source file, page or sheet/row, how it was read, and the technician who reviewed it.
     */
    record ValueSource(String entity, long entityId, String field, long sourceFileId, Integer page, String sheet,
                       Integer row, String method, String reviewedBy, OffsetDateTime recordedAt) {
    }
}
