package org.medrec.extraction.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Documents typed as text lines (no OCR): what is loaded, what goes to review, and why. */
class ChartExtractorTests {

    @Test
    void readsAnIntakeFormWithLeaderDotsAndKeepsTheEmergencyContactOutOfThePatient() {
        ChartExtraction.Extracted e = Forms.extract(TypedLines.page(
                "HARBOR INTERNAL MEDICINE, P.C.",
                "Patient Information Sheet",
                "Pt. Name ..........: Fox, Jonathan",
                "Med Rec # .........: H0028969",
                "Birthdate .........: September 13, 1964",
                "Sex ...............: Male",
                "Mailing Address ...: 65 Jackson Way, Ste 400",
                "                     Tybee Island, GA 31369",
                "Phone # ...........: (912) 616-6115",
                "Ins. ..............: Aetna",
                "Policy No. ........: W78165247",
                "Notify in Emergency : Virginia Fox",
                "Relation ..........: Sister",
                "Phone # ...........: (912) 535-3408"));

        assertThat(e.docType()).isEqualTo("intake");
        assertThat(e.record().identifierSystem()).isEqualTo("urn:medrec:clinic:harbor");
        assertThat(e.record().mrn()).isEqualTo("H0028969");
        assertThat(Forms.loadable(e)).containsEntry("patient.family", "Fox").containsEntry("patient.given[0]", "Jonathan")
                .containsEntry("patient.birth_date", "1964-09-13").containsEntry("patient.sex", "male")
                .containsEntry("patient.address.line[0]", "65 Jackson Way").containsEntry("patient.address.line[1]", "Ste 400")
                .containsEntry("patient.address.city", "Tybee Island").containsEntry("patient.address.state", "GA")
                .containsEntry("patient.address.postal_code", "31369").containsEntry("patient.phone", "9126166115")
                .containsEntry("patient.insurance[0].payer", "Aetna").containsEntry("patient.insurance[0].member_id", "W78165247");
    }

    @Test
    void readsABoxedFormWhoseValuesStandUnderTheirCaptions() {
        ChartExtraction.Extracted e = Forms.extract(TypedLines.page(
                "Ridgeview Family Medicine",
                "New Patient Information",
                "FAMILY NAME        FIRST        MIDDLE NAME",
                "Donnelly           Isabella     L",
                "DOB                CHART NO. (OFFICE)",
                "11/18/2023         00014194",
                "CITY               STATE        ZIP",
                "Lake Oswego        OR           97038"));

        assertThat(e.record().mrn()).isEqualTo("00014194");
        assertThat(Forms.loadable(e)).containsEntry("patient.family", "Donnelly").containsEntry("patient.given[0]", "Isabella")
                .containsEntry("patient.given[1]", "L").containsEntry("patient.birth_date", "2023-11-18")
                .containsEntry("patient.address.city", "Lake Oswego").containsEntry("patient.address.state", "OR")
                .containsEntry("patient.address.postal_code", "97038");
    }

    @Test
    void sendsASexPrintedAsBoxesToTickToAPersonRatherThanTakingTheFirstLetter() {
        ChartExtraction.Extracted e = Forms.extract(TypedLines.page(
                "Ridgeview Family Medicine",
                "Patient Registration Form",
                "DATE OF BIRTH      SEX (M/F)        MED REC # (OFFICE)",
                "2009-07-15         M   F   X        00012345"));

        assertThat(Forms.loadable(e)).doesNotContainKey("patient.sex");
        assertThat(Forms.inReview(e).get("patient.sex")).contains("choices to tick");
    }

    @Test
    void readsTheTickedSexAndTheTickedConditionsFromTheCheckboxMarks() {
        ChartDocument typed = TypedLines.page(
                "Maple Hollow Family Clinic",
                "Patient Registration Form",
                "Patient Name: Maria Delgado-Test   MRN: 00031415",
                "SEX (M/F)",
                "   M   F   X",
                "Medical History (check all that apply)",
                "   High blood pressure      Diabetes      Asthma",
                "   Cancer                   Depression    Thyroid disorder",
                "Allergies: Penicillin (hives)");
        // a 16-pixel box left of each option and each condition: {line, x, ticked}
        java.util.List<Mark> marks = new java.util.ArrayList<>();
        for (int[] box : new int[][] {{4, 118, 0}, {4, 166, 1}, {4, 214, 0},
                {6, 116, 1}, {6, 416, 0}, {6, 584, 1}, {7, 116, 0}, {7, 416, 1}, {7, 584, 0}}) {
            java.awt.Rectangle r = new java.awt.Rectangle(box[1], box[0] * 30 + 2, 16, 16);
            marks.add(new Mark(1, r, new int[] {r.x, r.y, r.width, r.height}, box[2] == 1, 0.97));
        }
        ChartExtraction.Extracted e = Forms.extract(new ChartDocument(typed.lines(), typed.method(), 1, marks));

        assertThat(Forms.loadable(e)).containsEntry("patient.sex", "female")
                .containsEntry("conditions[0].display", "High blood pressure")
                .containsEntry("conditions[1].display", "Asthma").containsEntry("conditions[2].display", "Depression")
                .doesNotContainKey("conditions[3].display")
                .containsEntry("allergies[0].substance", "Penicillin").containsEntry("allergies[0].reaction", "Hives");
    }

    @Test
    void readsANoteItsVitalsInProseItsCodedDiagnosesAndItsPrescriptions() {
        ChartExtraction.Extracted e = Forms.extract(TypedLines.page(
                "Northgate Medical Associates",
                "Office Visit Note",
                "Patient: Joseph Shah   DOB: 08/07/2003",
                "MRN: 121784   Visit Date: 05/20/2024",
                "Provider: Melissa B. Wright, MD   NPI: 1234567893",
                "CC: Yearly check-up",
                "Vitals: BP 129/72 HR 86 RR 14 Temp 99.0 F Wt 217.5 lb Ht 5' 6\" SpO2 96%",
                "PMH: Essential (primary) hypertension (I10); Obstructive sleep apnea (adult) (pediatric) (G47.33)",
                "Allergies: Morphine (itching)",
                "Dx: E11.65 Type 2 diabetes mellitus with hyperglycemia; E78.5 Hyperlipidemia, unspecified",
                "Rx: Metformin 1000 mg PO BID; Hydrocortisone 1% cream thin layer topical BID",
                "Plan: Return in 3 months."));

        assertThat(e.docType()).isEqualTo("note");
        assertThat(Forms.loadable(e)).containsEntry("encounters[0].date", "2024-05-20")
                .containsEntry("encounters[0].npi", "1234567893").containsEntry("encounters[0].reason", "Yearly check-up")
                .containsEntry("encounters[0].provider", "Melissa B. Wright, MD")
                .containsEntry("encounters[0].vitals.bp_systolic", "129").containsEntry("encounters[0].vitals.bp_diastolic", "72")
                .containsEntry("encounters[0].vitals.pulse", "86").containsEntry("encounters[0].vitals.height_in", "66")
                .containsEntry("encounters[0].vitals.spo2", "96")
                .containsEntry("conditions[0].code", "I10").containsEntry("conditions[0].display", "Essential (primary) hypertension")
                .containsEntry("conditions[1].code", "G47.33")
                .containsEntry("allergies[0].substance", "Morphine").containsEntry("allergies[0].reaction", "Itching")
                .containsEntry("encounters[0].diagnoses[0].code", "E11.65")
                .containsEntry("encounters[0].diagnoses[0].display", "Type 2 diabetes mellitus with hyperglycemia")
                .containsEntry("encounters[0].diagnoses[1].code", "E78.5")
                .containsEntry("medications[0].name", "Metformin").containsEntry("medications[0].dose", "1000 mg")
                .containsEntry("medications[0].route", "PO").containsEntry("medications[0].frequency", "BID");
        assertThat(Forms.inReview(e)).containsEntry("medications[1].name",
                "the name holds a strength or a preparation: check which part is the name and which the dose");
        assertThat(Forms.inReview(e).get("medications[1].dose")).isNotNull();
    }

    @Test
    void putsBothLinesOfALedgerWhoseRunningBalanceDoesNotAddUpInReview() {
        ChartExtraction.Extracted e = Forms.extract(TypedLines.page(
                "Lakeside Pediatrics & Family Care",
                "Patient Account Ledger",
                "Pt. Name: Jean Vargas-Williams   Date of Birth: 6/17/87",
                "Medical Record No.: A-36283",
                "Date      CPT     Description                        Charge    Payment   Balance",
                "7/4/18    99203   Office visit, new patient          157.00    127.00    30.00",
                "2/7/19    99213   Office visit, est. patient         119.00    119.00    30.00",
                "5/5/19    99214   Office visit, est. patient,        176.00    176.00    80.00",
                "                  moderate complexity",
                "Totals:                                              452.00    422.00    30.00"));

        assertThat(e.docType()).isEqualTo("ledger");
        assertThat(Forms.loadable(e)).containsEntry("charges[0].date", "2018-07-04").containsEntry("charges[0].cpt", "99203")
                .containsEntry("charges[0].charge", "157.00").containsEntry("charges[0].payment", "127.00")
                .containsEntry("charges[2].description", "Office visit, est. patient, moderate complexity")
                .doesNotContainKey("charges[3].date");
        assertThat(Forms.inReview(e)).containsKeys("charges[1].payment", "charges[2].payment")
                .doesNotContainKey("charges[0].payment");
    }

    @Test
    void mapsAppointmentStatusesAndChecksCvxAgainstTheVaccine() {
        ChartExtraction.Extracted appointments = Forms.extract(TypedLines.page(
                "Harbor Internal Medicine, P.C.",
                "Appointment History",
                "Patient Name: Joe Desai   D.O.B.: February 18, 1966",
                "Chart #: H0029449",
                "Date            Time       Provider                   Type          Status",
                "Oct 27, 2019    9:15 AM    Gonzalez, Jose B MD        New patient   Arrived",
                "Jan 2, 1960     9:15 AM    Gonzalez, Jose B MD        New patient   Arrived",
                "Aug 16, 2020    2:00 PM    Brown, Stephanie O DO      Telehealth    N/S"));
        assertThat(Forms.loadable(appointments)).containsEntry("appointments[0].date", "2019-10-27")
                .containsEntry("appointments[0].time", "09:15").containsEntry("appointments[0].status", "fulfilled")
                .containsEntry("appointments[0].provider", "Gonzalez, Jose B MD").containsEntry("appointments[2].status", "noshow")
                .containsEntry("appointments[2].time", "14:00");
        assertThat(Forms.inReview(appointments).get("appointments[1].date")).contains("before the birth date");

        ChartExtraction.Extracted immunizations = Forms.extract(TypedLines.page(
                "Northgate Medical Associates",
                "Vaccination History",
                "Name: Steven O'Neill   Birthdate: 1964-03-17   Medical Record No.: 122370",
                "Vaccine                 CVX     Date Given      Lot #",
                "Tdap                    115     2019-05-02      AC52B",
                "Tdap                    08      2020-05-02      XYZ"));
        assertThat(Forms.loadable(immunizations)).containsEntry("immunizations[0].cvx", "115")
                .containsEntry("immunizations[0].date", "2019-05-02");
        assertThat(Forms.inReview(immunizations)).containsKey("immunizations[1].cvx");
    }

    @Test
    void sendsAStatusInCapitalsAmongCapitalisedOnesToAPerson() {
        ChartExtraction.Extracted e = Forms.extract(TypedLines.page(
                "Harbor Internal Medicine, P.C.",
                "Appointment History",
                "Patient Name: Joe Desai   D.O.B.: February 18, 1966",
                "Chart #: H0029449",
                "Date            Time       Provider                   Type          Status",
                "Oct 27, 2019    9:15 AM    Gonzalez, Jose B MD        New patient   Kept",
                "Nov 2, 2019     9:15 AM    Gonzalez, Jose B MD        Follow-up     Completed",
                "Dec 2, 2019     9:15 AM    Gonzalez, Jose B MD        Follow-up     Kept",
                "Jan 6, 2020     9:15 AM    Gonzalez, Jose B MD        Follow-up     Cancelled",
                "Aug 16, 2020    2:00 PM    Brown, Stephanie O DO      Telehealth    KEPT"));

        assertThat(Forms.loadable(e)).containsEntry("appointments[0].status", "fulfilled")
                .doesNotContainKey("appointments[4].status");
        assertThat(Forms.inReview(e).get("appointments[4].status")).contains("capitals");
    }

    @Test
    void sendsWhatWasReadWithLowConfidenceToReviewNeverToTheStore() {
        ChartExtraction.Extracted e = Forms.extract(TypedLines.page(
                "Harbor Internal Medicine, P.C.",
                "New Patient Information",
                "Patient: HARRIS, ANNELIESE",
                "Medical Record No.: H0029330",
                "Birthdate: OCTOBER~55 7.~55 2007~60",
                "Sex: FEMALE~62",
                "Telephone: 912.972.2718"));

        assertThat(Forms.loadable(e)).doesNotContainKey("patient.birth_date").containsEntry("patient.phone", "9129722718");
        assertThat(Forms.inReview(e).get("patient.birth_date")).contains("OCTOBER 7. 2007");
        assertThat(Forms.inReview(e).get("patient.family")).contains("capitals");
        assertThat(Forms.inReview(e).get("patient.sex")).contains("confidence 0.62");
    }

    @Test
    void sendsTheMrnToReviewWhenTheClinicIsNotKnownOrThePagesDisagree() {
        ChartExtraction.Extracted unknown = Forms.extract(TypedLines.page(
                "Riverside Clinic of Nowhere",
                "Patient Registration Form",
                "Patient Name: Ann Lee   DOB: 01/02/1970",
                "MRN: 55555"));
        assertThat(unknown.record().identifierSystem()).isEqualTo(ChartExtractor.UNKNOWN_CLINIC);
        assertThat(Forms.inReview(unknown).get("mrn")).contains("clinic is not one medrec knows");

        ChartDocument twoPages = new ChartDocument(java.util.List.of(
                TypedLines.line(1, 0, 0, "Harbor Internal Medicine, P.C."),
                TypedLines.line(1, 1, 30, "Patient Registration Form"),
                TypedLines.line(1, 2, 60, "Patient Name: Ann Lee   DOB: 01/02/1970   MRN: H0012345"),
                TypedLines.line(2, 3, 0, "Lee, Ann   MRN: H0012346   DOB: 01/02/1970")), org.medrec.record.Method.OCR, 2);
        assertThat(Forms.inReview(Forms.extract(twoPages)).get("mrn")).contains("different medical record numbers");
    }

    @Test
    void quarantinesWhatIsNotAMedicalRecordAndSendsAnUnknownDocumentToReviewWhole() {
        ChartExtraction receipt = Forms.outcome(TypedLines.page(
                "CORNER FRESH MARKET", "STORE #539", "2% MILK GAL   3.89", "SUBTOTAL   57.92", "TOTAL   62.12"));
        assertThat(receipt).isInstanceOf(ChartExtraction.NotMedical.class);

        ChartExtraction letter = Forms.outcome(TypedLines.page(
                "Harbor Internal Medicine, P.C.", "Dear colleague,", "I saw your patient today and will write again."));
        assertThat(letter).isInstanceOf(ChartExtraction.NotUnderstood.class);
        assertThat(((ChartExtraction.NotUnderstood) letter).reason()).contains("could not be told with confidence");
    }
}
