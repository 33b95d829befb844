package org.medrec.matching;

import java.text.Normalizer;
import java.util.Locale;
import org.apache.commons.codec.language.Soundex;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * String measures for name comparison: folding, and Jaro-Winkler, edit distance and Soundex from
 * commons-text and commons-codec. Stateless and thread-safe.
 */
final class Strings {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private Strings() {
    }

    /** Lower case, accents dropped, only letters and digits kept ({@code "O'Brien-Núñez"} → {@code obriennunez}). */
    static String fold(String s) {
        if (s == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]", "");
    }

    /** Jaro-Winkler similarity in 0..1 (prefix scale 0.1, up to 4 characters); 0 when either is empty. */
    static double jaroWinkler(String a, String b) {
        return a.isEmpty() || b.isEmpty() ? 0 : JARO_WINKLER.apply(a, b);
    }

    /** Levenshtein distance, or {@code limit + 1} when it exceeds {@code limit}. */
    static int editDistance(String a, String b, int limit) {
        int distance = new LevenshteinDistance(limit).apply(a, b);
        return distance < 0 ? limit + 1 : distance;
    }

    /** American Soundex of a folded name ({@code robert} → {@code R163}); empty for no letters. */
    static String soundex(String folded) {
        return Soundex.US_ENGLISH.soundex(folded.replaceAll("[^a-z]", ""));
    }
}
