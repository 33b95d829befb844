package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medrec.extraction.validation.Normalized.Status;

class CptTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"99213|99213", "99213.0|99213", " 36415 |36415", "3074F|3074F", "0042T|0042T",
            "0001U|0001U", "J3420|J3420", "g0008|G0008", "S9083|S9083", "90686|90686"})
    void shouldAcceptCptAndHcpcsCodes(String written, String expected) {
        assertThat(Cpt.normalize(written)).isEqualTo(Normalized.ok(expected));
    }

    @Test
    void shouldRepairOcrLettersInsideTheDigits() {
        assertThat(Cpt.normalize("992l3")).isEqualTo(Normalized.corrected("99213"));
        assertThat(Cpt.normalize("O9213")).isEqualTo(Normalized.corrected("09213"));
        assertThat(Cpt.normalize("3O74F")).isEqualTo(Normalized.corrected("3074F"));
        assertThat(Cpt.normalize("I1234")).isEqualTo(Normalized.corrected("11234"));
    }

    @Test
    void shouldFlagARepairThatAllowsBothACptAndAHcpcsReading() {
        // when
        Normalized result = Cpt.normalize("S9O83");

        // then
        assertThat(result.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(result.problem()).contains("59083", "S9083");
    }

    @Test
    void shouldProposeTheBareCodeWhenAModifierIsAttached() {
        // when
        Normalized result = Cpt.normalize("99214-25");

        // then
        assertThat(result.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(result.value()).isEqualTo("99214");
        assertThat(result.problem()).contains("modifier '25'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9921", "992133", "99213.5", "F0001", "O0001A", "abcde", "N/A", "Z1234", "W12345"})
    void shouldRejectWhatIsNotACode(String written) {
        assertThat(Cpt.normalize(written).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void shouldReportBlankAsEmpty() {
        assertThat(Cpt.normalize(null)).isEqualTo(Normalized.empty());
    }
}
