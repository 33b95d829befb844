package org.medrec.extraction.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks that a billing ledger adds up, so that a misread amount is caught by arithmetic rather
 * than loaded. Amounts are compared by value ({@code 25.0} equals {@code 25.00}). Stateless and
 * thread-safe.
 */
public final class LedgerArithmetic {

    /**
     * One ledger line. {@code charge} and {@code payment} are required: map a blank cell to zero
     * before calling when the source's convention says a blank means 0.00. {@code balance} is the
     * balance as printed, or {@code null} when the line shows none.
     */
    public record Line(BigDecimal charge, BigDecimal payment, BigDecimal balance) {
        public Line {
            Objects.requireNonNull(charge, "charge");
            Objects.requireNonNull(payment, "payment");
        }
    }

    /** A line whose printed balance is not what the arithmetic gives; {@code index} counts from 0. */
    public record Mismatch(int index, BigDecimal expected, BigDecimal printed, String problem) {
    }

    private LedgerArithmetic() {
    }

    /**
     * Checks a running balance: each printed balance must be the previous balance plus the charge
     * minus the payment.
     *
     * @param opening the balance before the first line, or {@code null} when the document does not
     *                show it (then the first line cannot be checked and only sets the balance)
     * @return the lines that do not add up, in order; empty when all that could be checked do. The
     *         check goes on from each printed balance, so a misread balance shows up on its own
     *         line and on the next one, a misread charge or payment on its own line only.
     */
    public static List<Mismatch> checkRunningBalance(BigDecimal opening, List<Line> lines) {
        List<Mismatch> mismatches = new ArrayList<>();
        BigDecimal previous = opening;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            BigDecimal expected = previous == null ? null : previous.add(line.charge()).subtract(line.payment());
            if (expected != null && line.balance() != null && expected.compareTo(line.balance()) != 0) {
                mismatches.add(new Mismatch(i, expected, line.balance(), "line " + (i + 1) + ": "
                        + Money.format(previous) + " + " + Money.format(line.charge()) + " - "
                        + Money.format(line.payment()) + " = " + Money.format(expected)
                        + ", but the balance printed is " + Money.format(line.balance())));
            }
            previous = line.balance() != null ? line.balance() : expected;
        }
        return List.copyOf(mismatches);
    }

    /**
     * Checks one line that carries its own balance: {@code charge - payment == balance}.
     *
     * @return OK with the balance, INVALID when it does not add up, EMPTY when a value is missing
     */
    public static Normalized checkLine(BigDecimal charge, BigDecimal payment, BigDecimal balance) {
        if (charge == null || payment == null || balance == null) {
            return Normalized.empty();
        }
        BigDecimal expected = charge.subtract(payment);
        if (expected.compareTo(balance) != 0) {
            return Normalized.invalid(Money.format(charge) + " - " + Money.format(payment) + " = "
                    + Money.format(expected) + ", but the balance printed is " + Money.format(balance));
        }
        return Normalized.ok(Money.format(balance));
    }

    /**
     * Checks a printed total (a TOTALS row) against the amounts above it.
     *
     * @return OK with the total, INVALID when the sum differs, EMPTY when the total is missing
     */
    public static Normalized checkTotal(List<BigDecimal> amounts, BigDecimal printedTotal) {
        if (printedTotal == null) {
            return Normalized.empty();
        }
        BigDecimal sum = amounts.stream().map(a -> a == null ? BigDecimal.ZERO : a).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(printedTotal) != 0) {
            return Normalized.invalid("the " + amounts.size() + " amounts add up to " + Money.format(sum)
                    + ", but the total printed is " + Money.format(printedTotal));
        }
        return Normalized.ok(Money.format(printedTotal));
    }
}
