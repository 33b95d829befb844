package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medrec.extraction.validation.LedgerArithmetic.Line;
import org.medrec.extraction.validation.LedgerArithmetic.Mismatch;
import org.medrec.extraction.validation.Normalized.Status;

class LedgerArithmeticTests {

    private static Line line(String charge, String payment, String balance) {
        return new Line(new BigDecimal(charge), new BigDecimal(payment), balance == null ? null : new BigDecimal(balance));
    }

    @Test
    void shouldAcceptARunningBalanceThatAddsUp() {
        // given: the first lines of the dev corpus ledger c0006
        List<Line> lines = List.of(line("125.00", "100.00", "25.00"), line("185.00", "135.00", "75.00"),
                line("35.00", "0.00", "110.00"), line("15.00", "15.00", "110.00"));

        // then
        assertThat(LedgerArithmetic.checkRunningBalance(BigDecimal.ZERO, lines)).isEmpty();
    }

    @Test
    void shouldNotCheckTheFirstLineWhenTheOpeningBalanceIsNotShown() {
        // given: dev corpus ledger c0014 starts with a balance carried from before
        List<Line> lines = List.of(line("157.00", "127.00", "65.00"), line("176.00", "176.00", "65.00"),
                line("119.00", "119.00", "65.00"));

        // then
        assertThat(LedgerArithmetic.checkRunningBalance(null, lines)).isEmpty();
        assertThat(LedgerArithmetic.checkRunningBalance(BigDecimal.ZERO, lines)).extracting(Mismatch::index)
                .containsExactly(0);
    }

    @Test
    void shouldReportAMisreadChargeOnItsOwnLine() {
        // given: 35.00 misread as 85.00
        List<Line> lines = List.of(line("125.00", "100.00", "25.00"), line("85.00", "0.00", "60.00"),
                line("15.00", "15.00", "60.00"));

        // when
        List<Mismatch> mismatches = LedgerArithmetic.checkRunningBalance(BigDecimal.ZERO, lines);

        // then
        assertThat(mismatches).hasSize(1);
        assertThat(mismatches.get(0).index()).isEqualTo(1);
        assertThat(mismatches.get(0).expected()).isEqualByComparingTo("110.00");
        assertThat(mismatches.get(0).problem()).isEqualTo("line 2: 25.00 + 85.00 - 0.00 = 110.00, but the balance printed is 60.00");
    }

    @Test
    void shouldReportAMisreadBalanceOnItsLineAndTheNext() {
        // given: 110.00 misread as 118.00
        List<Line> lines = List.of(line("125.00", "100.00", "25.00"), line("85.00", "0.00", "118.00"),
                line("15.00", "15.00", "110.00"));

        // then
        assertThat(LedgerArithmetic.checkRunningBalance(BigDecimal.ZERO, lines)).extracting(Mismatch::index)
                .containsExactly(1, 2);
    }

    @Test
    void shouldCarryTheComputedBalanceOverALineWithoutOne() {
        List<Line> lines = List.of(line("100", "0", "100"), line("50", "0", null), line("0", "25", "125"),
                line("0", "25", "99"));

        assertThat(LedgerArithmetic.checkRunningBalance(null, lines)).extracting(Mismatch::index).containsExactly(3);
    }

    @Test
    void shouldCompareAmountsByValue() {
        assertThat(LedgerArithmetic.checkRunningBalance(new BigDecimal("0"), List.of(line("15", "7.5", "7.50")))).isEmpty();
    }

    @Test
    void shouldCheckALineThatCarriesItsOwnBalance() {
        assertThat(LedgerArithmetic.checkLine(new BigDecimal("125.00"), new BigDecimal("97.41"), new BigDecimal("27.59")))
                .isEqualTo(Normalized.ok("27.59"));
        Normalized wrong = LedgerArithmetic.checkLine(new BigDecimal("125.00"), new BigDecimal("97.41"), new BigDecimal("27.95"));
        assertThat(wrong.status()).isEqualTo(Status.INVALID);
        assertThat(wrong.problem()).isEqualTo("125.00 - 97.41 = 27.59, but the balance printed is 27.95");
        assertThat(LedgerArithmetic.checkLine(null, BigDecimal.ONE, BigDecimal.ONE)).isEqualTo(Normalized.empty());
    }

    @Test
    void shouldCheckAPrintedTotal() {
        List<BigDecimal> charges = List.of(new BigDecimal("125.00"), new BigDecimal("185.00"), new BigDecimal("35.00"));

        assertThat(LedgerArithmetic.checkTotal(charges, new BigDecimal("345.00"))).isEqualTo(Normalized.ok("345.00"));
        assertThat(LedgerArithmetic.checkTotal(charges, new BigDecimal("354.00")).problem())
                .contains("add up to 345.00", "354.00");
        assertThat(LedgerArithmetic.checkTotal(charges, null)).isEqualTo(Normalized.empty());
    }
}
