package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medrec.extraction.validation.Normalized.Status;

class UsStatesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"OR|OR", "or|OR", "Oregon|OR", "OREGON|OR", "Ore.|OR", "Oreg.|OR", "OH|OH",
            "Ohio|OH", "GA|GA", "Ga.|GA", "WI|WI", "Wis.|WI", "Calif.|CA", "N.Y.|NY", "New York|NY", "N. Dak.|ND",
            "W. Va.|WV", "West Virginia|WV", "Washington|WA", "Wash.|WA", "DC|DC", "D.C.|DC", "Washington, D.C.|DC",
            "District of Columbia|DC", "PR|PR", "Puerto Rico|PR", "GU|GU", "Virgin Islands|VI", "AS|AS",
            "Northern Mariana Islands|MP", "AE|AE", "Armed Forces Pacific|AP", "Penna.|PA", "Tex.|TX", "Mass.|MA"})
    void shouldReadCodesNamesAndAbbreviations(String written, String code) {
        assertThat(UsStates.normalize(written)).isEqualTo(Normalized.ok(code));
    }

    @Test
    void shouldRepairADigitReadForALetterWhenOneCodeFits() {
        assertThat(UsStates.normalize("0H")).isEqualTo(Normalized.corrected("OH"));
        assertThat(UsStates.normalize("0R")).isEqualTo(Normalized.corrected("OR"));
        assertThat(UsStates.normalize("1L")).isEqualTo(Normalized.corrected("IL"));
        assertThat(UsStates.normalize("0K")).isEqualTo(Normalized.corrected("OK"));
    }

    @Test
    void shouldFlagADigitThatFitsSeveralCodes() {
        // when
        Normalized result = UsStates.normalize("1A");

        // then
        assertThat(result.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(result.problem()).contains("IA", "LA");
        assertThat(UsStates.normalize("M0").problem()).contains("MO", "MD");
    }

    @Test
    void shouldRejectWhatIsNotAState() {
        assertThat(UsStates.normalize("XX").status()).isEqualTo(Status.INVALID);
        assertThat(UsStates.normalize("Ontario").status()).isEqualTo(Status.INVALID);
        assertThat(UsStates.normalize("St.").status()).isEqualTo(Status.INVALID);
        assertThat(UsStates.normalize("")).isEqualTo(Normalized.empty());
    }

    @Test
    void shouldNameCodes() {
        assertThat(UsStates.name("or")).contains("Oregon");
        assertThat(UsStates.name("XX")).isEmpty();
        assertThat(UsStates.codes()).hasSize(62).contains("DC", "PR", "AE");
    }
}
