package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OcrTests {

    @Test
    void shouldRepairLettersInsideDigitRuns() {
        // when
        Ocr.Repaired repaired = Ocr.digitRuns("O3/l4/I9B2 |5S");

        // then
        assertThat(repaired.text()).isEqualTo("03/14/1982 155");
        assertThat(repaired.changed()).isTrue();
    }

    @Test
    void shouldLeaveWordsWithoutDigitsAlone() {
        assertThat(Ocr.digitRuns("SOB Oct BIO").text()).isEqualTo("SOB Oct BIO");
        assertThat(Ocr.digitRuns("SOB Oct BIO").changed()).isFalse();
        assertThat(Ocr.digitRuns("12345").changed()).isFalse();
    }

    @Test
    void shouldLeaveSAndBAloneWhenAskedTo() {
        assertThat(Ocr.digitRuns("S25.O0", false).text()).isEqualTo("S25.00");
    }

    @Test
    void shouldFoldMonthNamesReadWithDigits() {
        assertThat(Ocr.foldWord("0ct")).isEqualTo(Ocr.foldWord("Oct"));
        assertThat(Ocr.foldWord("Ju1y")).isEqualTo(Ocr.foldWord("July"));
        assertThat(Ocr.foldWord("5ep")).isEqualTo(Ocr.foldWord("SEP"));
    }
}
