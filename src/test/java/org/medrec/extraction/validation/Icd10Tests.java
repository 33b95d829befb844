package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medrec.extraction.validation.Normalized.Status;

class Icd10Tests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"E11.9|E11.9", "I10|I10", "e11.9|E11.9", "Z00.129|Z00.129", "F32.A|F32.A",
            "S93.401A|S93.401A", "M1A.0710|M1A.0710", "C7B.00|C7B.00", " J45.909 |J45.909", "(I10)|I10",
            "Z00.01.|Z00.01", "U07.1|U07.1", "U09.9|U09.9"})
    void shouldAcceptCodesInTheirPrintedForm(String written, String expected) {
        assertThat(Icd10.normalize(written)).isEqualTo(Normalized.ok(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"E119|E11.9", "K219|K21.9", "Z00129|Z00.129", "H6123|H61.23",
            "F17210|F17.210", "J449|J44.9", "S93401A|S93.401A"})
    void shouldInsertTheDotInLegacyCodes(String written, String expected) {
        assertThat(Icd10.normalize(written)).isEqualTo(Normalized.ok(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"EI1.9|E11.9", "E1l.9|E11.9", "0O9.A|O09.A", "593.401A|S93.401A",
            "E11,9|E11.9", "E66.O1|E66.01", "E78.OO|E78.00", "2OO.OOX|Z00.00X", "I1O|I10"})
    void shouldRepairOcrConfusionsWherePositionAllowsOneReading(String written, String expected) {
        assertThat(Icd10.normalize(written)).isEqualTo(Normalized.corrected(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"110;I10", "|10;I10", "811.9;B11.9", "5O6.0;S06.0", "250.00;Z50.00",
            "25000;Z50.00", "2OO.OO;Z00.00"})
    void shouldNotTurnWhatMayBeAnIcd9CodeIntoAnIcd10Code(String written, String proposal) {
        // when
        Normalized result = Icd10.normalize(written);

        // then
        assertThat(result.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(result.value()).isEqualTo(proposal);
        assertThat(result.problem()).contains("ICD-9-CM");
    }

    @Test
    void shouldFlagCodesOnVisitsBeforeIcd10CmTookEffect() {
        // when
        Normalized before = Icd10.normalize("V70.0", LocalDate.of(2015, 9, 30));
        Normalized after = Icd10.normalize("V70.0", LocalDate.of(2015, 10, 1));

        // then
        assertThat(before.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(before.problem()).contains("ICD-9-CM");
        assertThat(after).isEqualTo(Normalized.ok("V70.0"));
        assertThat(Icd10.normalize("E119", null)).isEqualTo(Normalized.ok("E11.9"));
        assertThat(Icd10.normalize("N/A", LocalDate.of(2010, 1, 1)).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void shouldFlagLowercaseLAsIOrLInsteadOfGuessing() {
        // when
        Normalized result = Icd10.normalize("l10");

        // then
        assertThat(result.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(result.value()).isEqualTo("I10");
        assertThat(result.problem()).contains("I10 or L10");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"E11.99999", "E1", "E11.9.1", "E1.19", "U99.9", "EE1.9", "E1X.9", "E11 9 I10",
            "99213", "N/A", "E11.-"})
    void shouldRejectWhatIsNotAnIcd10CmCode(String written) {
        assertThat(Icd10.normalize(written).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void shouldReadFieldsThatListSeveralCodes() {
        // when
        List<Normalized> codes = Icd10.normalizeAll("K21.9, R10.13");
        List<Normalized> piped = Icd10.normalizeAll("E03.9|E66.9");
        List<Normalized> legacy = Icd10.normalizeAll("J449 F17210 I10");

        // then
        assertThat(codes).extracting(Normalized::value).containsExactly("K21.9", "R10.13");
        assertThat(piped).extracting(Normalized::value).containsExactly("E03.9", "E66.9");
        assertThat(legacy).extracting(Normalized::value).containsExactly("J44.9", "F17.210", "I10");
        assertThat(Icd10.normalizeAll("  ")).isEmpty();
    }

    @Test
    void shouldReportBlankAsEmpty() {
        assertThat(Icd10.normalize("")).isEqualTo(Normalized.empty());
    }
}
