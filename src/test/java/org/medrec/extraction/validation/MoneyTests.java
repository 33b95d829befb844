package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medrec.extraction.validation.Money.DecimalMark;
import org.medrec.extraction.validation.Normalized.Status;

class MoneyTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"$1,234.56|1234.56", "1234.5|1234.50", "125|125.00", "125.00|125.00",
            "0|0.00", ".50|0.50", "$ 97.41|97.41", "1,000,000.00|1000000.00", "7.5|7.50", " 15 |15.00"})
    void shouldWriteAmountsWithTwoDecimalPlaces(String written, String expected) {
        assertThat(Money.parse(written)).isEqualTo(Normalized.ok(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(25.00)", "25.00-", "-25.00", "-$25.00", "$-25.00", "($25.00)", "\u221225.00", "( 25.00 )"})
    void shouldReadEveryWayOfWritingANegativeAmount(String written) {
        assertThat(Money.parse(written)).isEqualTo(Normalized.ok("-25.00"));
    }

    @Test
    void shouldReadACreditMarkerAsNegativeButAskForConfirmation() {
        // when
        Normalized before = Money.parse("CR 25.00");
        Normalized after = Money.parse("25.00 CR");

        // then
        assertThat(before.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(before.value()).isEqualTo("-25.00");
        assertThat(after.value()).isEqualTo("-25.00");
    }

    @Test
    void shouldNotWriteNegativeZero() {
        assertThat(Money.parse("-0.00")).isEqualTo(Normalized.ok("0.00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"N/A", "TBD", "see note", "#VALUE!", "$--", "12,34,5", "1,2345.00", "12.345", "1 234.56",
            "--25.00", "(-25.00)", "5.", "$", "25.00 USD?"})
    void shouldRejectWhatIsNotAnAmount(String written) {
        assertThat(Money.parse(written).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void shouldExplainADecimalCommaInADecimalPointSource() {
        // when
        Normalized result = Money.parse("125,50");

        // then
        assertThat(result.status()).isEqualTo(Status.INVALID);
        assertThat(result.problem()).contains("decimal comma");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"125,50|125.50", "32,00|32.00", "0,00|0.00", "1.234,56|1234.56", "108,35|108.35",
            "(25,00)|-25.00", "200|200.00"})
    void shouldReadDecimalCommasWhenTheSourceUsesThem(String written, String expected) {
        assertThat(Money.parse(written, DecimalMark.COMMA)).isEqualTo(Normalized.ok(expected));
    }

    @Test
    void shouldRejectADecimalPointInADecimalCommaSource() {
        assertThat(Money.parse("125.50", DecimalMark.COMMA).problem()).contains("decimal point");
    }

    @Test
    void shouldRepairOAndLInTheDigitsButNotTakeAnSForAFive() {
        assertThat(Money.parse("1O0.0O")).isEqualTo(Normalized.corrected("100.00"));
        assertThat(Money.parse("S25.00").status()).isEqualTo(Status.INVALID);
    }

    @Test
    void shouldReadSpreadsheetNumbersAndRoundAwayBinaryNoiseOnly() {
        assertThat(Money.fromNumber(7.5)).isEqualTo(Normalized.ok("7.50"));
        assertThat(Money.fromNumber(0.1 + 0.2)).isEqualTo(Normalized.ok("0.30"));
        assertThat(Money.fromNumber(-25)).isEqualTo(Normalized.ok("-25.00"));
        assertThat(Money.fromNumber(12.345).status()).isEqualTo(Status.INVALID);
        assertThat(Money.fromNumber(Double.NaN).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void shouldGiveTheAmountOfAResult() {
        assertThat(Money.amount(Money.parse("(25.00)"))).isEqualByComparingTo(new BigDecimal("-25"));
        assertThatThrownBy(() -> Money.amount(Money.parse("N/A"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReportBlankAsEmpty() {
        assertThat(Money.parse("")).isEqualTo(Normalized.empty());
    }
}
