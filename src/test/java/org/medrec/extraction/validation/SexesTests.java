package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medrec.extraction.validation.Normalized.Status;

class SexesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"F|female", "f|female", "F.|female", "Female|female", "FEMALE|female",
            "W|female", "woman|female", "M|male", "Male|male", "man|male", "U|unknown", "Unknown|unknown",
            "UNK|unknown", "X|other", "O|other", "Other|other", "Non-binary|other", "nonbinary|other"})
    void shouldMapWrittenSexToFhirGender(String written, String gender) {
        assertThat(Sexes.normalize(written)).isEqualTo(Normalized.ok(gender));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Q", "0", "MF", "declined", "Sex (M/F)", "fem ale?"})
    void shouldRejectAnythingElse(String written) {
        assertThat(Sexes.normalize(written).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void shouldReportBlankAsEmpty() {
        assertThat(Sexes.normalize(null)).isEqualTo(Normalized.empty());
    }
}
