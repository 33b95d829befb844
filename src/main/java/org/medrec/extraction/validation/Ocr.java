package org.medrec.extraction.validation;

/**
 * The OCR confusions medrec repairs, and only inside runs of digits: {@code O o} read for 0,
 * {@code I l |} read for 1, {@code S} read for 5 and {@code B} read for 8. A run is a maximal
 * stretch of digits and those letters; it is repaired only when it holds at least one real digit,
 * so words ({@code SOB}, {@code Oct}) are never touched. Stateless and thread-safe.
 */
final class Ocr {

    /** Text after repair, and whether anything changed. */
    record Repaired(String text, boolean changed) {
    }

    private Ocr() {
    }

    static Repaired digitRuns(String text) {
        return digitRuns(text, true);
    }

    /**
     * @param lettersSAndB whether S and B count as confusions; money leaves them out, because a
     *                     leading {@code S} there is far more often a dollar sign than a 5
     */
    static Repaired digitRuns(String text, boolean lettersSAndB) {
        StringBuilder out = new StringBuilder(text.length());
        boolean changed = false;
        int i = 0;
        while (i < text.length()) {
            if (!confusable(text.charAt(i), lettersSAndB)) {
                out.append(text.charAt(i++));
                continue;
            }
            int start = i;
            boolean digit = false;
            while (i < text.length() && confusable(text.charAt(i), lettersSAndB)) {
                digit |= Character.isDigit(text.charAt(i));
                i++;
            }
            String run = text.substring(start, i);
            if (digit) {
                String fixed = toDigits(run);
                changed |= !fixed.equals(run);
                out.append(fixed);
            } else {
                out.append(run);
            }
        }
        return new Repaired(out.toString(), changed);
    }

    private static boolean confusable(char c, boolean lettersSAndB) {
        return (c >= '0' && c <= '9') || c == 'O' || c == 'o' || c == 'I' || c == 'l' || c == '|'
                || (lettersSAndB && (c == 'S' || c == 'B'));
    }

    private static String toDigits(String run) {
        StringBuilder b = new StringBuilder(run.length());
        for (char c : run.toCharArray()) {
            b.append(switch (c) {
                case 'O', 'o' -> '0';
                case 'I', 'l', '|' -> '1';
                case 'S' -> '5';
                case 'B' -> '8';
                default -> c;
            });
        }
        return b.toString();
    }

    /**
     * Folds the letters OCR confuses with digits and the digits themselves onto one form, for
     * comparing words such as month names: {@code 0ct} and {@code Oct} fold alike.
     */
    static String foldWord(String word) {
        StringBuilder b = new StringBuilder(word.length());
        for (char c : word.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            b.append(switch (c) {
                case '0' -> 'o';
                case '1', 'i', '|' -> 'l';
                case '5' -> 's';
                case '8' -> 'b';
                default -> c;
            });
        }
        return b.toString();
    }
}
