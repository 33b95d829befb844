package org.medrec.extraction.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Documents of the known types under titles and headings medrec was not told: their structure (a
 * table's header, a dose grid, a note's section headings) and the words their titles are made of
 * say what they are; a document whose structure says nothing goes to review as a whole.
 */
class ClassificationTests {

    @Test
    void shouldClassifyANoteUnderAnUnfamiliarTitleByItsSoapHeadings() {
        ChartExtraction e = Forms.outcome(TypedLines.page(
                "Harbor Internal Medicine, P.C.",
                "Same-Day Appointment",
                "Patient: Joe Desai   DOB: 02/18/1966   Chart #: H0029449",
                "S: cough for three days, no fever",
                "O: lungs clear, BP 128/82 HR 72",
                "A: J06.9 Acute upper respiratory infection",
                "P: fluids and rest, return if worse"));

        assertThat(Forms.extracted(e).docType()).isEqualTo("note");
        assertThat(Forms.loadable(Forms.extracted(e))).containsEntry("encounters[0].diagnoses[0].code", "J06.9");
    }

    @Test
    void shouldClassifyAnImmunizationListUnderAnUnfamiliarTitleByItsTitleWordsAndItsTable() {
        ChartExtraction e = Forms.outcome(TypedLines.page(
                "Northgate Medical Associates",
                "Childhood Shots",
                "Name: Steven O'Neill   Birthdate: 1964-03-17   Medical Record No.: 122370",
                "Vaccine                 CVX     Date Given      Lot #",
                "Tdap                    115     2019-05-02      AC52B"));

        assertThat(Forms.extracted(e).docType()).isEqualTo("immunization");
    }

    @Test
    void shouldClassifyACardPrintedAsAGridByItsDoseColumns() {
        ChartExtraction e = Forms.outcome(TypedLines.page(
                "Lakeside Pediatrics & Family Care",
                "Wallet Card",
                "Medical Record #: A-42016",
                "Surname: Castillo   First Name: Arjun   Date of Birth: 02/24/1985",
                "Vaccine          Dose 1           Dose 2           Dose 3",
                "HPV              Date 05/26/2010",
                "                 Gardasil 9",
                "                 Lot D039R"));

        assertThat(Forms.extracted(e).docType()).isEqualTo("immunization");
    }

    @Test
    void shouldSendADocumentWhoseStructureSaysNothingToReviewAsAWhole() {
        ChartExtraction e = Forms.outcome(TypedLines.page(
                "Harbor Internal Medicine, P.C.",
                "To whom it may concern,",
                "Patient Joe Desai was seen in our clinic and may return to work on Monday.",
                "Sincerely, the physician"));

        assertThat(e).isInstanceOf(ChartExtraction.NotUnderstood.class);
    }
}
