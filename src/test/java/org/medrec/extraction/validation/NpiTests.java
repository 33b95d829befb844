package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medrec.extraction.validation.Normalized.Status;

class NpiTests {

    @ParameterizedTest
    @ValueSource(strings = {"1234567893", "1805265877", "2955252483", "1394952257", "2036523761", "1310044155"})
    void shouldAcceptNpisWithAGoodCheckDigit(String npi) {
        assertThat(Npi.normalize(npi)).isEqualTo(Normalized.ok(npi));
    }

    @Test
    void shouldRejectNpiWithBadCheckDigit() {
        // when
        Normalized result = Npi.normalize("1234567890");

        // then
        assertThat(result.status()).isEqualTo(Status.INVALID);
        assertThat(result.problem()).contains("check digit");
    }

    @Test
    void shouldCheckTheLuhnDigitOverThePrefix80840() {
        assertThat(Npi.isValid("1234567893")).isTrue();
        assertThat(Npi.isValid("1245319599")).isTrue();
        assertThat(Npi.isValid("2000000002")).isTrue();
        assertThat(Npi.isValid("1245319598")).isFalse();
        assertThat(Npi.isValid("123456789")).isFalse();
        assertThat(Npi.isValid(null)).isFalse();
    }

    @Test
    void shouldReadSpreadsheetNumbersAndPunctuation() {
        assertThat(Npi.normalize("1234567893.0")).isEqualTo(Normalized.ok("1234567893"));
        assertThat(Npi.normalize("1.234567893E9")).isEqualTo(Normalized.ok("1234567893"));
        assertThat(Npi.normalize("123-456-7893")).isEqualTo(Normalized.ok("1234567893"));
    }

    @Test
    void shouldRepairOcrLettersAndLetTheCheckDigitDecide() {
        assertThat(Npi.normalize("l8O5265877")).isEqualTo(Normalized.corrected("1805265877"));
        assertThat(Npi.normalize("l8O5265878").status()).isEqualTo(Status.INVALID);
    }

    @Test
    void shouldRejectWrongLengthsLettersAndNpisThatCannotBeIssued() {
        assertThat(Npi.normalize("123456789").problem()).contains("9 digits");
        assertThat(Npi.normalize("12345678930").status()).isEqualTo(Status.INVALID);
        assertThat(Npi.normalize("NPI pending").status()).isEqualTo(Status.INVALID);
        assertThat(Npi.normalize("3234567896").problem()).contains("start with 1 or 2");
        assertThat(Npi.normalize(" ")).isEqualTo(Normalized.empty());
    }
}
