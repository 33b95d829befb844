package org.medrec.extraction.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelFinderTests {

    private final LabelFinder finder = new LabelFinder(Forms.CATALOG.labels());

    private List<String> keys(String text) {
        return finder.find(TypedLines.line(1, 0, 0, text)).stream().map(LabelHit::key).toList();
    }

    @Test
    void findsLabelsThatEndWithAColonWhateverTheirSpelling() {
        assertThat(keys("Pt. Name: Fox, Jonathan   D.O.B.: 09/13/1964")).containsExactly("patient.name", "patient.birth_date");
        assertThat(keys("MED REC#: H0028969")).containsExactly("mrn");
        assertThat(keys("Chart No.: 00014194")).containsExactly("mrn");
    }

    @Test
    void takesTheLongestSpellingSoThatNameLastFirstIsNotJustName() {
        assertThat(keys("NAME (LAST, FIRST) : DONNELLY, ISABELLA")).containsExactly("patient.name_family_first");
    }

    @Test
    void findsCaptionsStandingAloneInTheirBoxes() {
        assertThat(keys("FAMILY NAME   FIRST   MIDDLE NAME")).containsExactly("patient.family", "patient.given", "patient.middle");
    }

    @Test
    void ignoresTheSameWordsInRunningText() {
        assertThat(keys("The patient reports the date of the last visit as unknown")).isEmpty();
    }

    @Test
    void keepsAQualifierInParenthesesWithItsLabel() {
        List<LabelHit> hits = finder.find(TypedLines.line(1, 0, 0, "DOB   MRN (OFFICE)   SEX"));
        assertThat(hits).extracting(LabelHit::key).containsExactly("patient.birth_date", "mrn", "patient.sex");
        assertThat(hits.get(1).span().text()).isEqualTo("MRN (OFFICE)");
    }

    @Test
    void toleratesOneMisreadLetterInALongLabelButNotInAShortOne() {
        assertThat(keys("MED REG # : 122370")).containsExactly("mrn");
        assertThat(keys("DOC: 01/02/2000")).isEmpty();
    }

    @Test
    void takesTheRestOfALongerSpellingOfTheSameLabelAcrossAWideGapAndNothingElse() {
        List<LabelHit> hits = finder.find(TypedLines.line(1, 0, 0, "Address      Line 1      7149 Willowcrest Street"));
        assertThat(hits).extracting(LabelHit::key).containsExactly("patient.address");
        assertThat(hits.get(0).span().text()).isEqualTo("Address Line 1");
        assertThat(keys("Name      Date of Birth")).containsExactly("patient.name", "patient.birth_date");
    }
}
