package org.medrec.extraction.chart;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How printed labels are compared: case, accents, punctuation and spacing ignored, and the
 * digits OCR reads for letters in words ({@code M.1.} for {@code M.I.}, {@code N0.} for
 * {@code No.}) taken as those letters. {@code #} is kept: it is part of {@code Chart #}.
 * Stateless.
 */
final class LabelText {

    private LabelText() {
    }

    private static final java.util.regex.Pattern EDGES = java.util.regex.Pattern.compile("^[^\\p{L}\\p{N}#]+|[^\\p{L}\\p{N}#]+$");

    static String fold(String text) {
        String plain = EDGES.matcher(Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT)).replaceAll("");
        StringBuilder b = new StringBuilder(plain.length());
        for (char c : plain.toCharArray()) {
            switch (c) {
                case '1', '|', 'l' -> b.append('i');
                case '0' -> b.append('o');
                case '5' -> b.append('s');
                default -> {
                    if ((c >= 'a' && c <= 'z') || c == '#' || (c >= '2' && c <= '9')) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A word that carries no text: a colon, dot leaders, a rule, a lone bracket. */
    static boolean separator(String word) {
        return word.codePoints().noneMatch(Character::isLetterOrDigit);
    }
}
