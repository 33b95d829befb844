package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medrec.extraction.validation.Normalized.Status;

class ZipCodesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"97215|97215", "97215-1234|97215-1234", "97215 - 1234|97215-1234",
            "97215 1234|97215-1234", "972151234|97215-1234", "43006.0|43006", "02138|02138"})
    void shouldAcceptFiveDigitAndZipPlusFourCodes(String written, String expected) {
        assertThat(ZipCodes.normalize(written)).isEqualTo(Normalized.ok(expected));
    }

    @Test
    void shouldRestoreLostLeadingZerosOnlyWhenTheSourceMayHaveLostThem() {
        // when
        Normalized restored = ZipCodes.normalize("7215", true);
        Normalized plusFour = ZipCodes.normalize("21381234", true);
        Normalized strict = ZipCodes.normalize("7215");

        // then
        assertThat(restored).isEqualTo(Normalized.ok("07215"));
        assertThat(plusFour).isEqualTo(Normalized.ok("02138-1234"));
        assertThat(strict.status()).isEqualTo(Status.INVALID);
        assertThat(strict.problem()).contains("leading zeros");
    }

    @Test
    void shouldRepairOcrLettersInsideTheDigits() {
        assertThat(ZipCodes.normalize("972l5")).isEqualTo(Normalized.corrected("97215"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9721", "972155", "00000", "ABCDE", "97215-12", "K1A 0B1"})
    void shouldRejectWhatIsNotAZipCode(String written) {
        assertThat(ZipCodes.normalize(written).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void shouldFlagAZipCodeOutsideTheStatesArea() {
        assertThat(ZipCodes.checkState("97215", "OR")).isEqualTo(Normalized.ok("97215"));
        assertThat(ZipCodes.checkState("43229", "OH")).isEqualTo(Normalized.ok("43229"));
        assertThat(ZipCodes.checkState("97215", "OH").status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(ZipCodes.checkState("97215", "ZZ").status()).isEqualTo(Status.INVALID);
        assertThat(ZipCodes.checkState("", "OR")).isEqualTo(Normalized.empty());
    }
}
