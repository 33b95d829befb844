package org.medrec.export;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import tools.jackson.databind.JsonNode;

/**
 * One chart with every kind of entry, and the gaps the store allows (no date, no time, half a
 * blood pressure, no status), built into a Bundle without a database: valid R4, and read back as
 * the scorer reads it.
 */
class BundleBuilderTests {

    private static final OffsetDateTime LOADED = OffsetDateTime.of(2025, 1, 6, 14, 0, 0, 0, ZoneOffset.UTC);

    private static String json;
    private static ScorerView view;
    private static List<SingleValidationMessage> messages;

    static PatientChart chart() {
        Demographics patient = new Demographics("O'Brien", List.of("José", "M"), "Jr", LocalDate.of(1962, 3, 14), "male",
                List.of("12 Elm St", "Apt 4"), "Springfield", "MA", "01103", "(413) 555-0142");
        return new PatientChart(7, List.of(new Mrn(1, "urn:medrec:clinic:maple-hollow", "00031415"),
                new Mrn(2, "urn:medrec:clinic:harbor", "H0028843")),
                patient,
                List.of(new CoverageRow(1, "Blue Cross", "XJH123456", "GRP-77"), new CoverageRow(2, null, "M-1", null)),
                List.of(new EncounterRow(10, LocalDate.of(2024, 3, 18), "Dr. Ana Ruiz", "1234567893", "follow-up, hypertension"),
                        new EncounterRow(11, null, null, null, null)),
                List.of(new DiagnosisRow(20, 10L, "I10", "Essential hypertension"), new DiagnosisRow(21, 10L, "E11.9", null),
                        new DiagnosisRow(22, null, "J45.909", "Asthma"), new DiagnosisRow(23, null, null, "seasonal allergies")),
                List.of(vital(30, 10L, "bp_systolic", "128", "mm[Hg]"), vital(31, 10L, "bp_diastolic", "82", "mm[Hg]"),
                        vital(32, 10L, "pulse", "72", "/min"), vital(33, 10L, "resp_rate", "16", "/min"),
                        vital(34, 10L, "temp_f", "98.6", "[degF]"), vital(35, 10L, "weight_lb", "182.5", "[lb_av]"),
                        vital(36, 10L, "height_in", "70", "[in_i]"), vital(37, 10L, "spo2", "97", "%"),
                        vital(38, 11L, "bp_systolic", "140", "mm[Hg]")),
                List.of(new MedicationRow(40, "Lisinopril", "10 mg", "PO", "daily"), new MedicationRow(41, "Aspirin", null, null, null),
                        new MedicationRow(42, "Albuterol", "2 puffs", "inhaled", "q4h prn")),
                List.of(new AllergyRow(50, "Penicillin", "hives"), new AllergyRow(51, "Latex", null)),
                List.of(new ImmunizationRow(60, "Tdap", "115", LocalDate.of(2019, 5, 2), "AC52B031AA"),
                        new ImmunizationRow(61, "Hep B, adolescent or pediatric", "08", null, null)),
                List.of(new AppointmentRow(70, LocalDate.of(2024, 7, 9), LocalTime.of(9, 30), "dr. ana ruiz", "booked"),
                        new AppointmentRow(71, LocalDate.of(2024, 12, 3), LocalTime.of(14, 15), "Dr. Lee", "noshow"),
                        new AppointmentRow(72, LocalDate.of(2025, 2, 1), null, null, null)),
                List.of(new ChargeRow(80, LocalDate.of(2024, 3, 18), "99213", "Office visit, est.", money("125.00"), money("20.00"),
                                money("105.00")),
                        new ChargeRow(81, LocalDate.of(2024, 3, 18), "93000", "ECG", money("60.00"), money("60.00"), money("0.00")),
                        new ChargeRow(82, LocalDate.of(2024, 4, 2), "36415", null, money("15.00"), money("0.00"), money("15.00")),
                        new ChargeRow(83, null, null, null, null, null, null)),
                List.of(new PaymentRow(90, 81L, LocalDate.of(2024, 4, 1), money("40.00"), "Blue Cross"),
                        new PaymentRow(91, 81L, LocalDate.of(2024, 4, 20), money("20.00"), null),
                        new PaymentRow(92, null, LocalDate.of(2024, 5, 5), money("10.00"), null)),
                List.of(new SourceFileRow(100, "a".repeat(64), 48_213, "charts/obrien-intake.pdf", "PDF", LOADED),
                        new SourceFileRow(101, "b".repeat(64), 9_120, "sheets/billing.xlsx", "XLSX", LOADED)),
                List.of(source("patient", 7, "family", 100, 1, null, null, "ocr", null),
                        source("patient_identifier", 1, "value", 100, 1, null, null, "ocr", null),
                        source("patient", 7, "birth_date", 100, 1, null, null, "technician", "tech1"),
                        source("encounter", 10, "npi", 100, 2, null, null, "text_layer", null),
                        source("vital_sign", 30, "value", 100, 2, null, null, "ocr", "tech1"),
                        source("vital_sign", 31, "value", 100, 2, null, null, "ocr", "tech1"),
                        source("immunization", 60, "date", 100, 3, null, null, "ocr", null),
                        source("appointment", 70, "provider", 100, 3, null, null, "ocr", null),
                        source("charge", 80, "charge", 101, null, "Ledger", 4, "spreadsheet", null),
                        source("charge", 80, "payment", 101, null, "Ledger", 4, "spreadsheet", null),
                        source("payment", 90, "amount", 101, null, "Payments", 2, "spreadsheet", null),
                        source("patient_identifier", 2, "value", 101, null, "Ledger", 4, "spreadsheet", null)));
    }

    private static VitalRow vital(long id, Long encounter, String kind, String value, String unit) {
        return new VitalRow(id, encounter, kind, new BigDecimal(value), unit);
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    private static ValueSource source(String entity, long id, String field, long file, Integer page, String sheet, Integer row,
                                      String method, String reviewer) {
        return new ValueSource(entity, id, field, file, page, sheet, row, method, reviewer, LOADED);
    }

    @BeforeAll
    static void build() {
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
        Bundle bundle = new BundleBuilder(ZoneId.of("America/New_York"), clock).build(chart());
        json = FhirR4.prettyJson().encodeResourceToString(bundle);
        view = new ScorerView(json);
        messages = FhirValidation.validate(json);
        messages.forEach(m -> System.out.println(FhirValidation.line(m)));
    }

    @Test
    void shouldBeValidFhirR4() {
        assertThat(FhirValidation.errors(messages)).isEmpty();
    }

    @Test
    void shouldGiveEveryEntryAUuidFullUrlAndReferToEntriesByThem() {
        assertThat(json).contains("\"type\": \"collection\"");
        List<String> urls = java.util.regex.Pattern.compile("\"fullUrl\": \"([^\"]+)\"").matcher(json).results()
                .map(m -> m.group(1)).toList();
        assertThat(urls).allMatch(u -> u.matches("urn:uuid:[0-9a-f-]{36}")).doesNotHaveDuplicates();
        List<String> references = java.util.regex.Pattern.compile("\"reference\": \"([^\"]+)\"").matcher(json).results()
                .map(m -> m.group(1)).toList();
        assertThat(references).isNotEmpty().allMatch(urls::contains);
    }

    @Test
    void shouldCarryBothMrnsTypedMrAndTheDemographics() {
        assertThat(view.mrns()).containsExactly("00031415", "H0028843");
        JsonNode p = view.patient();
        assertThat(p.at("/identifier/0/system").asString()).isEqualTo("urn:medrec:clinic:maple-hollow");
        assertThat(p.at("/identifier/0/type/coding/0/system").asString()).isEqualTo(BundleBuilder.IDENTIFIER_TYPE);
        assertThat(p.at("/name/0/family").asString()).isEqualTo("O'Brien");
        assertThat(p.at("/name/0/given/0").asString()).isEqualTo("José");
        assertThat(p.at("/name/0/suffix/0").asString()).isEqualTo("Jr");
        assertThat(p.path("birthDate").asString()).isEqualTo("1962-03-14");
        assertThat(p.path("gender").asString()).isEqualTo("male");
        assertThat(p.at("/address/0/line/1").asString()).isEqualTo("Apt 4");
        assertThat(p.at("/address/0/postalCode").asString()).isEqualTo("01103");
        assertThat(view.phone()).isEqualTo("(413) 555-0142");
    }

    @Test
    void shouldMapCoverageWithGroupClassAndBeneficiary() {
        JsonNode c = view.ofType("Coverage").get(0);
        assertThat(c.at("/payor/0/display").asString()).isEqualTo("Blue Cross");
        assertThat(c.path("subscriberId").asString()).isEqualTo("XJH123456");
        assertThat(c.at("/class/0/type/coding/0/code").asString()).isEqualTo("group");
        assertThat(c.at("/class/0/value").asString()).isEqualTo("GRP-77");
        assertThat(view.get(c.path("beneficiary"))).isSameAs(view.patient());
    }

    @Test
    void shouldMapEncountersWithPractitionerDiagnosesAndVitalsByLoinc() {
        Map<String, Object> visit = view.encounters().get(0);
        assertThat(visit).containsEntry("date", "2024-03-18").containsEntry("provider", "Dr. Ana Ruiz")
                .containsEntry("npi", "1234567893").containsEntry("reason", "follow-up, hypertension")
                .containsEntry("diagnoses", List.of("I10", "E11.9"));
        assertThat(visit.get("vitals")).isEqualTo(Map.of("bp_systolic", money("128"), "bp_diastolic", money("82"),
                "pulse", money("72"), "resp_rate", money("16"), "temp_f", money("98.6"), "weight_lb", money("182.5"),
                "height_in", money("70"), "spo2", money("97")));
        assertThat(view.encounters().get(1).get("vitals")).isEqualTo(Map.of("bp_systolic", money("140")));
        List<String> problems = view.ofType("Condition").stream().filter(c -> !c.has("encounter"))
                .map(c -> c.at("/code/coding/0/code").asString(c.at("/code/text").asString())).toList();
        assertThat(problems).containsExactly("J45.909", "seasonal allergies");
    }

    @Test
    void shouldWriteDosageAsWrittenSoThatItSplitsAroundTheRoute() {
        assertThat(view.medications()).containsExactly(
                Map.of("name", "Lisinopril", "dose", "10 mg", "route", "PO", "frequency", "daily"),
                java.util.Collections.singletonMap("name", "Aspirin"),
                Map.of("name", "Albuterol", "dose", "2 puffs", "route", "inhaled", "frequency", "q4h prn"));
    }

    @Test
    void shouldMapAllergiesAndImmunizations() {
        JsonNode allergy = view.ofType("AllergyIntolerance").get(0);
        assertThat(allergy.at("/code/text").asString()).isEqualTo("Penicillin");
        assertThat(allergy.at("/reaction/0/manifestation/0/text").asString()).isEqualTo("hives");
        JsonNode shot = view.ofType("Immunization").get(0);
        assertThat(shot.at("/vaccineCode/coding/0/system").asString()).isEqualTo(BundleBuilder.CVX);
        assertThat(shot.at("/vaccineCode/coding/0/code").asString()).isEqualTo("115");
        assertThat(shot.at("/vaccineCode/text").asString()).isEqualTo("Tdap");
        assertThat(shot.path("occurrenceDateTime").asString()).isEqualTo("2019-05-02");
        assertThat(shot.path("lotNumber").asString()).isEqualTo("AC52B031AA");
        JsonNode undated = view.ofType("Immunization").get(1);
        assertThat(undated.has("occurrenceDateTime")).isFalse();
        assertThat(undated.at("/_occurrenceDateTime/extension/0/url").asString()).isEqualTo(BundleBuilder.DATA_ABSENT);
    }

    @Test
    void shouldStartAppointmentsAtTheClinicsLocalTimeWithThatDaysOffset() {
        assertThat(view.appointmentStarts()).containsExactly("2024-07-09 09:30", "2024-12-03 14:15", "");
        List<JsonNode> appointments = view.ofType("Appointment");
        assertThat(appointments.get(0).path("start").asString()).isEqualTo("2024-07-09T09:30:00-04:00");
        assertThat(appointments.get(1).path("start").asString()).isEqualTo("2024-12-03T14:15:00-05:00");
        assertThat(appointments.get(2).at("/requestedPeriod/0/start").asString()).isEqualTo("2025-02-01");
        JsonNode doctor = view.get(appointments.get(0).at("/participant/1/actor"));
        assertThat(doctor.at("/identifier/0/value").asString())
                .as("the appointment's provider is the encounter's Practitioner of the same name").isEqualTo("1234567893");
        assertThat(view.get(appointments.get(0).at("/participant/0/actor"))).isSameAs(view.patient());
    }

    @Test
    void shouldSumThePaymentsThatPointToEachChargeInUsd() {
        List<Map<String, String>> charges = view.charges();
        assertThat(charges.get(0)).containsEntry("cpt", "99213").containsEntry("date", "2024-03-18")
                .containsEntry("description", "Office visit, est.").containsEntry("charge", "125.00")
                .containsEntry("currency", "USD").containsEntry("payment", "20.00");
        assertThat(charges.get(1)).as("itemised payments, not the ledger column as well").containsEntry("payment", "60.00");
        assertThat(charges.get(2)).as("a zero payment moved no money").containsEntry("payment", null);
        assertThat(charges.get(3)).containsEntry("charge", null).containsEntry("payment", null);
        assertThat(view.ofType("PaymentReconciliation")).hasSize(4);
    }

    @Test
    void shouldNameTheSourceFileOfEachValueThroughProvenance() {
        List<JsonNode> documents = view.ofType("DocumentReference");
        assertThat(documents).extracting(d -> d.at("/content/0/attachment/title").asString())
                .containsExactly("charts/obrien-intake.pdf", "sheets/billing.xlsx");
        assertThat(documents.get(0).at("/identifier/0/value").asString()).isEqualTo("a".repeat(64));
        assertThat(documents.get(0).at("/content/0/attachment/contentType").asString()).isEqualTo("application/pdf");
        assertThat(view.filesOf(view.patient())).containsExactly("charts/obrien-intake.pdf", "sheets/billing.xlsx");
        assertThat(view.filesOf(view.ofType("ChargeItem").get(0))).containsExactly("sheets/billing.xlsx");
        assertThat(view.filesOf(view.ofType("Observation").stream()
                .filter(o -> o.at("/code/coding/0/code").asString().equals(Vitals.BP_PANEL)).findFirst().orElseThrow()))
                .containsExactly("charts/obrien-intake.pdf");
    }

    @Test
    void shouldNameMedrecWithHowItReadAndTheTechnicianWhoReviewed() {
        JsonNode reviewed = view.ofType("Provenance").stream()
                .filter(p -> p.path("agent").size() == 2 && p.at("/agent/0/role/0/text").asString().equals("OCR"))
                .findFirst().orElseThrow();
        assertThat(reviewed.at("/agent/0/who/display").asString()).isEqualTo("medrec");
        assertThat(view.get(reviewed.at("/agent/0/who")).path("resourceType").asString()).isEqualTo("Device");
        assertThat(reviewed.at("/agent/1/type/coding/0/code").asString()).isEqualTo("verifier");
        assertThat(reviewed.at("/agent/1/who/display").asString()).isEqualTo("tech1");
        assertThat(reviewed.at("/entity/0/role").asString()).isEqualTo("source");
        assertThat(reviewed.at("/entity/0/what/display").asString()).isEqualTo("charts/obrien-intake.pdf, page 2");
        assertThat(view.ofType("Provenance")).extracting(p -> p.at("/agent/0/role/0/text").asString())
                .contains("OCR", "text layer", "spreadsheet", "typed by a technician");
    }
}
