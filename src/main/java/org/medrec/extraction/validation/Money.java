package org.medrec.extraction.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money amounts as the record stores them: a decimal string with two places ({@code 125.00},
 * {@code -25.00}).
 *
 * <p>Read: {@code $1,234.56}, {@code 1234.5}, {@code .50}, and negatives written
 * {@code -25.00}, {@code (25.00)}, {@code 25.00-}, {@code ($25.00)}, {@code -$25.00}. A credit
 * marker ({@code CR 25.00}, {@code 25.00 CR}) is read as negative but AMBIGUOUS, because whether a
 * credit is negative depends on the column. Thousands separators must stand every three digits
 * ({@code 12,34,5} is INVALID); more than two decimal places is INVALID. A decimal comma
 * ({@code 125,50}, {@code 1.234,56}) is read only when the source is declared
 * {@link DecimalMark#COMMA}; in a decimal-point source it is INVALID with a message saying so.
 * OCR repairs in the digits: O/o to 0 and I/l/| to 1 only (a leading S is more often a dollar sign
 * than a 5, so S and B are left alone). Stateless and thread-safe.
 */
public final class Money {

    /** What separates the cents in a source. */
    public enum DecimalMark { POINT, COMMA }

    private static final Pattern PARENTHESES = Pattern.compile("\\((.*)\\)");
    private static final Pattern CREDIT = Pattern.compile("(?i)^(?:CR\\.?\\s*(.+)|(.+?)\\s*CR\\.?)$");
    private static final Pattern POINT_AMOUNT = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)?(?:\\.(\\d+))?");
    private static final Pattern COMMA_AMOUNT = Pattern.compile("(\\d{1,3}(?:\\.\\d{3})+|\\d+)?(?:,(\\d+))?");
    private static final BigDecimal NOISE = new BigDecimal("0.000001");

    private Money() {
    }

    /** An amount from a decimal-point source. */
    public static Normalized parse(String raw) {
        return parse(raw, DecimalMark.POINT);
    }

    public static Normalized parse(String raw, DecimalMark mark) {
        Objects.requireNonNull(mark, "mark");
        if (Text.isBlank(raw)) {
            return Normalized.empty();
        }
        String s = Text.squeeze(raw).replace('\u2212', '-').replace('\u2013', '-');
        boolean credit = false;
        Matcher cr = CREDIT.matcher(s);
        if (cr.matches()) {
            credit = true;
            s = (cr.group(1) != null ? cr.group(1) : cr.group(2)).trim();
        }
        int signs = 0;
        Matcher parens = PARENTHESES.matcher(s);
        if (parens.matches()) {
            signs++;
            s = parens.group(1).trim();
        }
        s = s.replaceAll("\\s*([$.,-])\\s*", "$1");
        if (s.startsWith("-")) {
            signs++;
            s = s.substring(1);
        }
        if (s.startsWith("$")) {
            s = s.substring(1);
        }
        if (s.startsWith("-")) {
            signs++;
            s = s.substring(1);
        }
        if (s.endsWith("-")) {
            signs++;
            s = s.substring(0, s.length() - 1);
        }
        if (!Text.squeeze(raw).matches(".*[0-9].*")) {
            return Normalized.invalid(Text.quote(raw) + " is not an amount of money");
        }
        if (signs + (credit ? 1 : 0) > 1) {
            return Normalized.invalid(Text.quote(raw) + " has more than one minus sign or credit marker");
        }
        Ocr.Repaired repaired = Ocr.digitRuns(s, false);
        s = repaired.text();
        BigDecimal amount = mark == DecimalMark.POINT ? point(s) : comma(s);
        if (amount == null) {
            return Normalized.invalid(Text.quote(raw) + " is not an amount of money" + why(s, mark));
        }
        if (amount.scale() > 2) {
            return Normalized.invalid(Text.quote(raw) + " has more than two decimal places");
        }
        if (signs + (credit ? 1 : 0) == 1) {
            amount = amount.negate();
        }
        String value = format(amount);
        if (credit) {
            return Normalized.ambiguous(value, "credit marker 'CR' in " + Text.quote(raw) + " read as a negative "
                    + "amount; confirm for this column", repaired.changed());
        }
        return Normalized.ok(value, repaired.changed());
    }

    /**
     * An amount a spreadsheet stored as a number. Binary noise ({@code 0.30000000000000004}) is
     * rounded away; a real third decimal place is INVALID.
     */
    public static Normalized fromNumber(double number) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return Normalized.invalid("the spreadsheet cell does not hold a number");
        }
        BigDecimal exact = BigDecimal.valueOf(number);
        BigDecimal cents = exact.setScale(2, RoundingMode.HALF_UP);
        if (exact.subtract(cents).abs().compareTo(NOISE) > 0) {
            return Normalized.invalid(exact.toPlainString() + " has more than two decimal places");
        }
        return Normalized.ok(format(cents));
    }

    /** The amount of an OK or AMBIGUOUS result that has a value. */
    public static BigDecimal amount(Normalized money) {
        if (money.value() == null) {
            throw new IllegalArgumentException("no amount: " + money.status());
        }
        return new BigDecimal(money.value());
    }

    private static BigDecimal point(String s) {
        Matcher m = POINT_AMOUNT.matcher(s);
        if (s.isEmpty() || !m.matches() || (m.group(1) == null && m.group(2) == null)) {
            return null;
        }
        String whole = m.group(1) == null ? "0" : m.group(1).replace(",", "");
        return new BigDecimal(m.group(2) == null ? whole : whole + "." + m.group(2));
    }

    private static BigDecimal comma(String s) {
        Matcher m = COMMA_AMOUNT.matcher(s);
        if (s.isEmpty() || !m.matches() || (m.group(1) == null && m.group(2) == null)) {
            return null;
        }
        String whole = m.group(1) == null ? "0" : m.group(1).replace(".", "");
        return new BigDecimal(m.group(2) == null ? whole : whole + "." + m.group(2));
    }

    private static String why(String s, DecimalMark mark) {
        if (mark == DecimalMark.POINT && s.matches("\\d+,\\d{1,2}")) {
            return " (it looks like a decimal comma, but this source is read with a decimal point)";
        }
        if (mark == DecimalMark.COMMA && s.matches("\\d+\\.\\d{1,2}")) {
            return " (it looks like a decimal point, but this source is read with a decimal comma)";
        }
        if (s.matches("[\\d,.]+")) {
            return " (the separators are not in thousands groups)";
        }
        return "";
    }

    /** Two decimal places; an amount with more (only in messages) keeps them. */
    static String format(BigDecimal amount) {
        BigDecimal scaled = amount.scale() <= 2 ? amount.setScale(2, RoundingMode.UNNECESSARY) : amount.stripTrailingZeros();
        if (scaled.scale() < 2) {
            scaled = scaled.setScale(2, RoundingMode.UNNECESSARY);
        }
        if (scaled.signum() == 0) {
            scaled = scaled.abs();
        }
        return scaled.toPlainString();
    }
}
