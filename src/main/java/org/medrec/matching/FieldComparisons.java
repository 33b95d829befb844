package org.medrec.matching;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The agreement level of each compared field. Names are folded first (case, accents,
 * punctuation: {@code Björn} and {@code BJORN} are the same name). Stateless and thread-safe.
 */
final class FieldComparisons {

    /** Jaro-Winkler similarity from which two names count as nearly the same. */
    static final double CLOSE_NAME = 0.88;

    private FieldComparisons() {
    }

    /** Exact when folded equal; close for a typo (Jaro-Winkler or one edit), or when a double-barrelled name shares a part. */
    static Agreement family(String a, String b) {
        String x = Strings.fold(a);
        String y = Strings.fold(b);
        if (x.isEmpty() || y.isEmpty()) {
            return Agreement.MISSING;
        }
        if (x.equals(y)) {
            return Agreement.EXACT;
        }
        if (nearly(x, y) || sharePart(a, b)) {
            return Agreement.CLOSE;
        }
        return Agreement.DISAGREE;
    }

    /** The first given name: exact, close (typo, nickname, a short form that begins the long one), or not. */
    static Agreement given(String a, String b, Nicknames nicknames) {
        String x = Strings.fold(a);
        String y = Strings.fold(b);
        if (x.isEmpty() || y.isEmpty()) {
            return Agreement.MISSING;
        }
        if (x.equals(y)) {
            return Agreement.EXACT;
        }
        if (nearly(x, y) || nicknames.same(x, y)
                || (Math.min(x.length(), y.length()) >= 3 && (x.startsWith(y) || y.startsWith(x)))) {
            return Agreement.CLOSE;
        }
        return Agreement.DISAGREE;
    }

    /** Close: the day and month swapped, or one digit different (a typo in the year, month or day). */
    static Agreement birthDate(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return Agreement.MISSING;
        }
        if (a.equals(b)) {
            return Agreement.EXACT;
        }
        boolean swapped = a.getYear() == b.getYear() && a.getMonthValue() == b.getDayOfMonth()
                && a.getDayOfMonth() == b.getMonthValue();
        if (swapped || Strings.editDistance(a.toString(), b.toString(), 1) <= 1) {
            return Agreement.CLOSE;
        }
        return Agreement.DISAGREE;
    }

    /** {@code unknown} and {@code other} are no evidence. */
    static Agreement sex(String a, String b) {
        if (a == null || b == null || !Set.of("female", "male").contains(a) || !Set.of("female", "male").contains(b)) {
            return Agreement.MISSING;
        }
        return a.equals(b) ? Agreement.EXACT : Agreement.DISAGREE;
    }

    /**
     * The first address line with the postal code: exact when the lines are the same (and the
     * postal codes, where both have one); close when the lines nearly are, or the house number and
     * postal code are the same.
     */
    static Agreement address(String lineA, String zipA, String lineB, String zipB) {
        String x = Strings.fold(lineA);
        String y = Strings.fold(lineB);
        if (x.isEmpty() || y.isEmpty()) {
            return Agreement.MISSING;
        }
        String za = zip(zipA);
        String zb = zip(zipB);
        boolean zipsDiffer = za != null && zb != null && !za.equals(zb);
        if (x.equals(y) && !zipsDiffer) {
            return Agreement.EXACT;
        }
        String numberA = houseNumber(lineA);
        boolean sameNumber = numberA != null && numberA.equals(houseNumber(lineB));
        if ((Strings.jaroWinkler(x, y) >= 0.9 && !zipsDiffer) || (sameNumber && za != null && za.equals(zb))) {
            return Agreement.CLOSE;
        }
        return Agreement.DISAGREE;
    }

    /** By the last ten digits; close for one digit different. */
    static Agreement phone(String a, String b) {
        String x = digits(a);
        String y = digits(b);
        if (x.length() < 7 || y.length() < 7) {
            return Agreement.MISSING;
        }
        if (x.equals(y)) {
            return Agreement.EXACT;
        }
        return x.length() == y.length() && Strings.editDistance(x, y, 1) <= 1 ? Agreement.CLOSE : Agreement.DISAGREE;
    }

    static String digits(String phone) {
        String d = phone == null ? "" : phone.replaceAll("\\D", "");
        return d.length() > 10 ? d.substring(d.length() - 10) : d;
    }

    private static boolean nearly(String x, String y) {
        return Strings.jaroWinkler(x, y) >= CLOSE_NAME || Strings.editDistance(x, y, 1) <= 1;
    }

    /** {@code Kennedy-Reed} and {@code Reed}: one part of a double-barrelled name is the other name or its part. */
    private static boolean sharePart(String a, String b) {
        List<String> x = parts(a);
        List<String> y = parts(b);
        if (x.size() < 2 && y.size() < 2) {
            return false;
        }
        return x.stream().anyMatch(p -> p.length() >= 3 && y.contains(p));
    }

    private static List<String> parts(String name) {
        return Arrays.stream(name.split("[\\s-]+")).map(Strings::fold).filter(p -> !p.isEmpty()).toList();
    }

    private static String zip(String zip) {
        String d = zip == null ? "" : zip.replaceAll("\\D", "");
        return d.length() >= 5 ? d.substring(0, 5) : null;
    }

    private static String houseNumber(String line) {
        var m = java.util.regex.Pattern.compile("^\\s*(\\d+)").matcher(line == null ? "" : line);
        return m.find() ? m.group(1) : null;
    }
}
