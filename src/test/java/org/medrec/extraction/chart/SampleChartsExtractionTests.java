package org.medrec.extraction.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medrec.testing.Tesseract;
import org.medrec.record.FieldValue;
import org.medrec.intake.FileFormat;
import org.medrec.ocr.ChartPages;
import org.medrec.ocr.OcrEngine;
import org.medrec.testing.Fixtures;

/**
 * The charts of sample-scans/ (made by the project's generator, each in another layout than the
 * dev corpus's), read with real Tesseract: each is classified, its identity read, and no value
 * that would be loaded differs from what the generator printed.
 */
@ExtendWith(Tesseract.class)
class SampleChartsExtractionTests {

    private static OcrEngine engine;

    @BeforeAll
    static void startTesseract(OcrEngine tesseract) {
        engine = tesseract;
    }

    private static ChartExtraction.Extracted read(String name, FileFormat format) throws Exception {
        return Forms.extracted(outcome(name, format));
    }

    private static ChartExtraction outcome(String name, FileFormat format) throws Exception {
        Path file = Fixtures.sampleScans().resolve(name);
        return Forms.outcome(ChartDocument.of(new ChartPages().read(file, format, engine)));
    }

    /** Every expected value is either loaded as printed or in review; none is loaded wrong. */
    private static void neverWrong(ChartExtraction.Extracted e, Map<String, String> printed) {
        for (FieldValue f : e.record().fields()) {
            if (!f.needsReview() && printed.containsKey(f.path())) {
                assertThat(f.value()).as(f.path()).isEqualTo(printed.get(f.path()));
            }
        }
        assertThat(e.record().fields()).extracting(FieldValue::path).containsAll(printed.keySet());
    }

    @Test
    void readsATypedIntakeForm() throws Exception {
        ChartExtraction.Extracted e = read("typed-intake-form.pdf", FileFormat.PDF);

        assertThat(e.docType()).isEqualTo("intake");
        assertThat(e.record().identifierSystem()).isEqualTo("urn:medrec:clinic:maple-hollow");
        assertThat(Forms.loadable(e)).containsEntry("mrn", "00031415").containsEntry("patient.birth_date", "1962-03-14");
        neverWrong(e, Map.of("patient.family", "Delgado-Test", "patient.given[0]", "Maria", "patient.sex", "female",
                "patient.address.line[0]", "418 Thistlewood Court", "patient.address.city", "Brookhaven Falls",
                "patient.address.state", "OR", "patient.address.postal_code", "97999",
                "patient.insurance[0].payer", "Blue Heron Health Plan", "patient.insurance[0].member_id", "BHH-4410-0031"));
    }

    @Test
    void readsAnIntakeFormScannedUpsideDown() throws Exception {
        ChartExtraction.Extracted e = read("upside-down-intake-form.pdf", FileFormat.PDF);

        assertThat(e.docType()).isEqualTo("intake");
        assertThat(Forms.loadable(e)).containsEntry("mrn", "00030103").containsEntry("patient.birth_date", "1971-12-05");
        assertThat(Forms.loadable(e)).doesNotContainKey("patient.insurance[0].member_id");   // printed "N/A"
        neverWrong(e, Map.of("patient.family", "Brandt-Test", "patient.given[0]", "Thomas", "patient.sex", "male"));
    }

    @Test
    void readsABornDigitalNoteFromItsTextLayerWithoutTakingThePageHeaderForText() throws Exception {
        ChartExtraction.Extracted e = read("born-digital-progress-note.pdf", FileFormat.PDF);

        assertThat(e.docType()).isEqualTo("note");
        assertThat(Forms.loadable(e)).containsEntry("mrn", "00027182").containsEntry("encounters[0].npi", "1234567893")
                .containsEntry("encounters[0].vitals.bp_systolic", "128").containsEntry("encounters[0].diagnoses[0].code", "I10")
                .containsEntry("encounters[0].diagnoses[3].code", "R51.9").containsEntry("allergies[0].substance", "Penicillin")
                .containsEntry("allergies[0].reaction", "Hives").doesNotContainKey("allergies[1].substance");
    }

    @Test
    void readsANotePhotographedInPoorLightSendingWhatItCannotReadWellToReview() throws Exception {
        ChartExtraction.Extracted e = read("office-visit-note-photo.jpg", FileFormat.JPEG);

        assertThat(e.docType()).isEqualTo("note");
        assertThat(Forms.loadable(e)).containsEntry("mrn", "00017320");
        neverWrong(e, Map.of("encounters[0].date", "2024-03-18", "encounters[0].npi", "1234567893",
                "encounters[0].vitals.bp_systolic", "128", "encounters[0].diagnoses[0].code", "E11.9"));
    }

    @Test
    void readsAFaxedMedicationListAtTwoHundredByOneHundredDpi() throws Exception {
        ChartExtraction.Extracted e = read("fax-medication-list.tiff", FileFormat.TIFF);

        assertThat(e.docType()).isEqualTo("medlist");
        assertThat(Forms.loadable(e)).containsEntry("mrn", "00014142").containsEntry("medications[0].name", "Lisinopril")
                .containsEntry("allergies[0].substance", "Penicillin");
        assertThat(e.record().fields()).extracting(FieldValue::path).doesNotContain("medications[7].name");
        neverWrong(e, Map.of("medications[2].name", "Atorvastatin", "medications[2].dose", "40 mg",
                "medications[2].frequency", "QHS", "allergies[1].substance", "Sulfa drugs"));
    }

    @Test
    void readsASkewedImmunizationRecordAndAnImageSavedAsPdf() throws Exception {
        for (ChartExtraction.Extracted e : List.of(read("skewed-immunization-record.tiff", FileFormat.TIFF),
                read("scan-saved-with-pdf-extension.pdf", FileFormat.PNG))) {
            assertThat(e.docType()).isEqualTo("immunization");
            neverWrong(e, Map.of("immunizations[1].vaccine", "MMR", "immunizations[1].cvx", "03",
                    "immunizations[1].date", "2014-05-12", "immunizations[2].cvx", "115"));
        }
    }

    @Test
    void readsAnImmunizationCardPrintedAsAGridOfDosesWithTheCodesOfItsProducts() throws Exception {
        ChartExtraction.Extracted card = read("immunization-card-grid.png", FileFormat.PNG);

        assertThat(card.docType()).isEqualTo("immunization");
        assertThat(card.documentDoubt()).isNull();
        assertThat(card.record().fields()).extracting(FieldValue::path).contains("immunizations[7].date")
                .doesNotContain("immunizations[8].date");
        Map<String, String> doses = new java.util.HashMap<>();
        card.record().fields().stream().filter(f -> f.path().startsWith("immunizations")).forEach(f -> doses.merge(
                f.path().replaceAll("\\.\\w+$", ""), f.path().replaceAll(".*\\.", "") + "=" + f.value(), (a, b) -> a + " " + b));
        assertThat(doses.values()).anyMatch(d -> d.contains("date=2019-09-03") && d.contains("cvx=115") && d.contains("vaccine=Tdap")
                && d.contains("lot=TD7763X")).anyMatch(d -> d.contains("date=2012-07-09") && d.contains("cvx=43")
                && d.contains("lot=EW6634K")).anyMatch(d -> d.contains("date=2022-10-04") && d.contains("cvx=150"));
        assertThat(Forms.inReview(card).values()).anyMatch(r -> r.startsWith("'Moderna COVID-19' was made in several formulations"));
        assertThat(Forms.inReview(card)).doesNotContainKey("mrn");
    }

    @Test
    void readsAClaimFormByWhereItsBoxesStandAndLoadsNoValueThatDiffersFromThePrintedOne() throws Exception {
        ChartExtraction.Extracted claim = read("claim-form-cms1500.pdf", FileFormat.PDF);

        assertThat(claim.docType()).isEqualTo("cms1500");
        assertThat(claim.documentDoubt()).isNull();
        assertThat(claim.record().identifierSystem()).isEqualTo("urn:medrec:clinic:maple-hollow");
        assertThat(Forms.loadable(claim)).containsEntry("mrn", "00016180").containsEntry("patient.address.postal_code", "97999")
                .containsEntry("charges[0].cpt", "99213");
        neverWrong(claim, Map.ofEntries(Map.entry("patient.family", "TANAKA-TEST"), Map.entry("patient.given[0]", "AIKO"),
                Map.entry("patient.birth_date", "1978-11-23"), Map.entry("patient.address.line[0]", "1609 GOLDENRATIO AVENUE"),
                Map.entry("patient.address.city", "BROOKHAVEN FALLS"), Map.entry("patient.address.state", "OR"),
                Map.entry("patient.phone", "5035550131"), Map.entry("patient.insurance[0].member_id", "BHH-1618-0339"),
                Map.entry("patient.insurance[0].payer", "BLUE HERON HEALTH PLAN"), Map.entry("encounters[0].npi", "1234567893"),
                Map.entry("encounters[0].diagnoses[0].code", "E11.9"), Map.entry("charges[0].date", "2024-03-18"),
                Map.entry("charges[0].charge", "125.00"), Map.entry("charges[1].cpt", "83036"),
                Map.entry("charges[1].charge", "42.50")));
    }

    @Test
    void readsALedgerAndATwoPageAppointmentHistory() throws Exception {
        ChartExtraction.Extracted ledger = read("billing-ledger.png", FileFormat.PNG);
        assertThat(ledger.docType()).isEqualTo("ledger");
        neverWrong(ledger, Map.of("charges[0].date", "2024-01-08", "charges[0].cpt", "99214", "charges[0].charge", "185.00"));

        ChartExtraction.Extracted appointments = read("appointment-history-multipage.pdf", FileFormat.PDF);
        assertThat(appointments.docType()).isEqualTo("appointments");
        assertThat(appointments.record().fields()).extracting(FieldValue::path).contains("appointments[43].date");
        neverWrong(appointments, Map.of("appointments[0].date", "2021-07-08", "appointments[0].time", "09:30",
                "appointments[0].status", "noshow"));
    }

    @Test
    void quarantinesAGroceryReceipt() throws Exception {
        assertThat(outcome("grocery-receipt-not-medical.png", FileFormat.PNG)).isInstanceOf(ChartExtraction.NotMedical.class);
    }
}
