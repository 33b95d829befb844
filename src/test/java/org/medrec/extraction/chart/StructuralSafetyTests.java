package org.medrec.extraction.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medrec.record.Method;

/**
 * A value is loaded only when the structure that places it is certain too: documents typed as
 * text lines (no OCR) whose tables, names and fields are laid out so that a value could have been
 * put in the wrong place, and what goes to review then.
 */
class StructuralSafetyTests {

    private static final String[] MEDLIST_HEAD = {
        "Lakeside Pediatrics & Family Care",
        "Medication List",
        "Pt. Name: Jean Vargas   Date of Birth: 6/17/87",
        "Medical Record No.: A-36283"};

    private static ChartDocument page(String[] head, String... lines) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(lines));
        return TypedLines.page(all.toArray(String[]::new));
    }

    @Test
    void shouldKeepTheWordsUnderACaptionMedrecDoesNotKnowOutOfTheColumnBesideIt() {
        ChartExtraction.Extracted e = Forms.extract(page(MEDLIST_HEAD,
                "Medication           Dose       Route    Taken With",
                "Metformin            500 mg     PO       breakfast and supper",
                "Lisinopril           10 mg      PO       water"));

        assertThat(Forms.loadable(e)).containsEntry("medications[0].name", "Metformin")
                .containsEntry("medications[0].dose", "500 mg").containsEntry("medications[1].name", "Lisinopril");
        assertThat(Forms.loadable(e).values()).noneMatch(v -> v.contains("breakfast") || v.contains("water"));
    }

    @Test
    void shouldSendEveryValueOfALineWhoseWordsRunFromOneColumnIntoTheNextToReview() {
        ChartExtraction.Extracted e = Forms.extract(page(MEDLIST_HEAD,
                "Medication           Dose       Route    Frequency",
                "Metformin            500 mg     PO       BID",
                "Amlodipine extended release 5 mg PO      daily"));

        assertThat(Forms.loadable(e)).containsEntry("medications[0].name", "Metformin")
                .doesNotContainKeys("medications[1].name", "medications[1].dose", "medications[1].frequency");
        assertThat(Forms.inReview(e).get("medications[1].name")).contains("run from one column into the next");
    }

    @Test
    void shouldNotTakeASentenceUnderATableForAnEntry() {
        ChartExtraction.Extracted e = Forms.extract(TypedLines.page(
                "Northgate Medical Associates",
                "Vaccination History",
                "Name: Steven O'Neill   Birthdate: 1964-03-17   Medical Record No.: 122370",
                "Vaccine                 CVX     Date Given      Lot #",
                "Tdap                    115     2019-05-02      AC52B",
                "VIS provided and reviewed with the patient before each dose 2019 note."));

        assertThat(Forms.loadable(e)).containsEntry("immunizations[0].cvx", "115");
        assertThat(Forms.loadable(e).keySet()).noneMatch(p -> p.startsWith("immunizations[1]"));
    }

    @Test
    void shouldSendALedgerLineWhoseDescriptionEndsInAnAmountToReview() {
        ChartExtraction.Extracted e = Forms.extract(TypedLines.page(
                "Lakeside Pediatrics & Family Care",
                "Patient Account Ledger",
                "Pt. Name: Jean Vargas   Date of Birth: 6/17/87",
                "Medical Record No.: A-36283",
                "Date      CPT     Description                          Charge    Payment",
                "7/4/18    99203   Office visit, new patient            157.00    127.00",
                "2/7/19    90471   Admin FIRST VACCINE 26.00                      26.00"));

        assertThat(Forms.loadable(e)).containsEntry("charges[0].description", "Office visit, new patient")
                .doesNotContainKeys("charges[1].description", "charges[1].date", "charges[1].payment");
        assertThat(Forms.inReview(e).get("charges[1].description")).contains("26.00");
    }

    @Test
    void shouldSendADoseThatIsNotAnAmountWithItsUnitToReview() {
        ChartExtraction.Extracted e = Forms.extract(page(MEDLIST_HEAD,
                "Medication           Dose            Route    Frequency",
                "Metformin            500, MG         PO       BID",
                "Metoprolol           50 mg daily     PO",
                "Lisinopril           10 mg           PO       daily"));

        assertThat(Forms.loadable(e)).containsEntry("medications[2].dose", "10 mg")
                .doesNotContainKeys("medications[0].dose", "medications[1].dose");
        assertThat(Forms.inReview(e).get("medications[0].dose")).contains("not an amount with its unit");
    }

    @Test
    void shouldAskForTheRouteOfAMedicationLineWhoseTablePrintsOneButNoneWasRead() {
        ChartExtraction.Extracted e = Forms.extract(page(MEDLIST_HEAD,
                "Medication           Dose       Route    Frequency",
                "Metformin            500 mg              BID",
                "Lisinopril           10 mg      PO       daily"));

        assertThat(Forms.inReview(e)).containsKey("medications[0].route");
        assertThat(Forms.loadable(e)).containsEntry("medications[1].route", "PO");
    }

    @Test
    void shouldAskForTheRouteWhenNoRouteColumnWasReadForTheExportCouldNotTellTheDoseFromTheFrequency() {
        ChartExtraction.Extracted e = Forms.extract(page(MEDLIST_HEAD,
                "Medication           Dose            Frequency",
                "Omeprazole           20 mg           daily",
                "Furosemide           40 mg           BID"));

        assertThat(Forms.inReview(e)).containsKeys("medications[0].route", "medications[1].route");
        assertThat(Forms.inReview(e).get("medications[0].route")).contains("no route column");
    }

    @Test
    void shouldSendALineWhoseCellsDoNotStandLevelAndTheLinesBesideItToReview() {
        ChartDocument typed = TypedLines.page(
                "Harbor Internal Medicine, P.C.",
                "Appointment History",
                "Patient Name: Joe Desai   D.O.B.: February 18, 1966",
                "Chart #: H0029449",
                "Date            Time       Provider                   Status",
                "Oct 27, 2019    9:15 AM    Gonzalez, Jose B MD        Kept",
                "Nov 2, 2019     9:15 AM    Gonzalez, Jose B MD        Kept",
                "Dec 2, 2019     9:15 AM    Gonzalez, Jose B MD        Kept",
                "Jan 6, 2020     9:15 AM    Gonzalez, Jose B MD        Kept");
        List<ChartLine> lines = new ArrayList<>(typed.lines());
        ChartLine third = lines.get(7);   // Dec 2: its status stands 14 px lower, half-way to the next line
        List<ChartWord> words = new ArrayList<>(third.words());
        ChartWord status = words.get(words.size() - 1);
        Rectangle r = status.layout();
        r.translate(0, 14);
        words.set(words.size() - 1, new ChartWord(status.text(), status.confidence(), r, new int[] {r.x, r.y, r.width, r.height}));
        lines.set(7, new ChartLine(third.page(), third.index(), words));

        ChartExtraction.Extracted e = Forms.extract(new ChartDocument(lines, Method.OCR, 1));

        assertThat(Forms.loadable(e)).containsEntry("appointments[0].status", "fulfilled")
                .doesNotContainKeys("appointments[1].status", "appointments[2].status", "appointments[2].date",
                        "appointments[3].status");
        assertThat(Forms.inReview(e).get("appointments[2].date")).contains("do not stand level");
    }

    @Test
    void shouldSendTheNameToReviewWhenItsCopiesOnTheDocumentDiffer() {
        ChartExtraction.Extracted e = Forms.extract(TypedLines.page(
                "Harbor Internal Medicine, P.C.",
                "Patient Information Sheet",
                "Pt. Name: Müller, Hans",
                "Med Rec #: H0028969",
                "Birthdate: September 13, 1964",
                "Patient: Hans Muler"));

        assertThat(Forms.loadable(e)).doesNotContainKeys("patient.family", "patient.given[0]");
        assertThat(Forms.inReview(e).get("patient.family")).contains("copies differ");
    }

    @Test
    void shouldLoadTheNameWhenItsCopiesAgree() {
        ChartExtraction.Extracted e = Forms.extract(TypedLines.page(
                "Harbor Internal Medicine, P.C.",
                "Patient Information Sheet",
                "Pt. Name: Müller, Hans",
                "Med Rec #: H0028969",
                "Birthdate: September 13, 1964",
                "Patient: Hans Müller"));

        assertThat(Forms.loadable(e)).containsEntry("patient.family", "Müller").containsEntry("patient.given[0]", "Hans");
    }

    @Test
    void shouldNotTakeATableCaptionForALabel() {
        ChartExtraction.Extracted e = Forms.extract(TypedLines.page(
                "Northgate Medical Associates",
                "Immunization Record",
                "Name: Steven O'Neill   Birthdate: 1964-03-17   Medical Record No.: 122370",
                "Given         Vaccine Type            Lot #      Code",
                "2019-05-02    Tdap                    AC52B      115"));

        assertThat(e.record().fields()).noneMatch(f -> f.path().equals("patient.given[0]") && "Vaccine Type".equals(f.value()));
        assertThat(Forms.loadable(e)).containsEntry("patient.given[0]", "Steven");
    }

    @Test
    void shouldSendANameWithAHyphenStandingApartToReview() {
        ChartExtraction.Extracted e = Forms.extract(TypedLines.page(
                "Harbor Internal Medicine, P.C.",
                "Patient Information Sheet",
                "Pt. Name: Achebe- Test, Henrik",
                "Med Rec #: H0028969",
                "Birthdate: September 13, 1964"));

        assertThat(Forms.inReview(e).get("patient.family")).contains("hyphen");
    }

    @Test
    void shouldSendAMiddleNameOfSeveralWordsToReview() {
        ChartExtraction.Extracted e = Forms.extract(TypedLines.page(
                "Ridgeview Family Medicine",
                "New Patient Information",
                "FAMILY NAME        FIRST        MIDDLE NAME",
                "Donnelly           Isabella     L 2023",
                "DOB                CHART NO. (OFFICE)",
                "11/18/2023         00014194"));

        assertThat(Forms.loadable(e)).containsEntry("patient.given[0]", "Isabella").doesNotContainKey("patient.given[1]");
        assertThat(Forms.inReview(e).get("patient.given[1]")).contains("one word");
    }

    @Test
    void shouldKeepALineWhoseDateWasNotReadAndWhoseWordsRunOnAsARowInReviewAndReadTheRowsAfterIt() {
        ChartExtraction.Extracted e = Forms.extract(TypedLines.page(
                "Lakeside Pediatrics & Family Care",
                "Patient Account Ledger",
                "Pt. Name: Jean Vargas   Date of Birth: 6/17/87",
                "Medical Record No.: A-36283",
                "Date      CPT     Description                          Charge    Payment",
                "",
                "7/4/18    99203   Office visit, new patient            157.00    127.00",
                "",
                "          99213 Office visit, est. patient 138.00      108.00",
                "",
                "2/7/19    90471   Immunization administration          26.00     26.00"));

        assertThat(Forms.loadable(e)).containsEntry("charges[0].cpt", "99203").containsEntry("charges[2].cpt", "90471")
                .containsEntry("charges[2].date", "2019-02-07").doesNotContainKeys("charges[1].cpt", "charges[1].charge",
                        "charges[1].description", "charges[1].payment");
        assertThat(Forms.inReview(e)).containsKeys("charges[1].cpt", "charges[1].description", "charges[1].charge");
    }

    @Test
    void shouldLoadADateAndACodeAWordSpaceApartButSendTwoAmountsAWordSpaceApartToReview() {
        ChartExtraction.Extracted e = Forms.extract(TypedLines.page(
                "Lakeside Pediatrics & Family Care",
                "Patient Account Ledger",
                "Pt. Name: Jean Vargas   Date of Birth: 6/17/87",
                "Medical Record No.: A-36283",
                "Date      CPT     Description                          Charge    Payment",
                "7/4/18 99203      Office visit, new patient            157.00    127.00",
                "2/7/19    90471   Immunization administration          26.00 26.00"));

        assertThat(Forms.loadable(e)).containsEntry("charges[0].date", "2018-07-04").containsEntry("charges[0].cpt", "99203")
                .containsEntry("charges[0].charge", "157.00").doesNotContainKeys("charges[1].charge", "charges[1].payment");
        assertThat(Forms.inReview(e).get("charges[1].payment")).contains("run from one column into the next");
    }

    @Test
    void shouldSplitACodeFromALetterWordAWordSpaceApartButNotFromAModifierOrANumber() {
        ChartExtraction.Extracted e = Forms.extract(TypedLines.page(
                "Lakeside Pediatrics & Family Care",
                "Patient Account Ledger",
                "Pt. Name: Jean Vargas   Date of Birth: 6/17/87",
                "Medical Record No.: A-36283",
                "Date      CPT     Description                          Charge    Payment",
                "7/4/18    99203 OFFICE VISIT NEW PATIENT               157.00    127.00",
                "2/7/19    99213 RT OFFICE VISIT                        138.00    108.00",
                "3/9/19    9921 3 OFFICE VISIT                          138.00    108.00",
                "4/2/19    90471   Immunization administration          26.00     26.00"));

        assertThat(Forms.loadable(e)).containsEntry("charges[0].cpt", "99203")
                .containsEntry("charges[0].description", "OFFICE VISIT NEW PATIENT")
                .doesNotContainKeys("charges[1].cpt", "charges[1].description", "charges[2].cpt", "charges[2].description");
        assertThat(Forms.inReview(e)).containsKeys("charges[1].description", "charges[2].description");
    }

    @Test
    void shouldSendAnIdentifierThatEndsInAMarkToReview() {
        ChartExtraction.Extracted e = Forms.extract(TypedLines.page(
                "Lakeside Pediatrics & Family Care",
                "Patient Registration",
                "Name: Jean Vargas   Date of Birth: 6/17/87",
                "Medical Record No.: A-36283",
                "Insurance: Blue Cross   Member ID: XQ4410921   Group: 713593."));

        assertThat(Forms.loadable(e)).doesNotContainValue("713593.").doesNotContainValue("713593");
        assertThat(Forms.inReview(e).values()).anyMatch(r -> r.contains("begins or ends with a mark"));
    }
}
