package org.medrec.extraction.chart;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whole-word phrase matching on folded text ({@link LabelText#fold} word by word), for titles,
 * headings and keywords. A phrase is folded once and remembered: phrases come from {@code jobs/forms}, a
 * fixed set, and folding them again for every line was most of extraction's time (measured: 140 of 181
 * samples of extracting 48 sample pages). Thread-safe.
 */
final class Phrases {

    private static final Map<String, String> FOLDED = new ConcurrentHashMap<>();

    private Phrases() {
    }

    /** The line's words folded and joined by single spaces, with a space at each end. */
    static String folded(Span span) {
        StringBuilder b = new StringBuilder(" ");
        for (ChartWord w : span.words()) {
            String f = w.folded();
            if (!f.isEmpty()) {
                b.append(f).append(' ');
            }
        }
        return b.toString();
    }

    /** The phrase's words folded and joined by single spaces, with a space at each end. */
    static String folded(String phrase) {
        return FOLDED.computeIfAbsent(phrase, Phrases::fold);
    }

    private static String fold(String phrase) {
        StringBuilder b = new StringBuilder(" ");
        for (String w : phrase.split("\\s+")) {
            String f = LabelText.fold(w);
            if (!f.isEmpty()) {
                b.append(f).append(' ');
            }
        }
        return b.toString();
    }

    static boolean contains(String foldedText, String phrase) {
        String p = folded(phrase);
        return p.length() > 2 && foldedText.contains(p);
    }

    /** The line (or cell) is the phrase, perhaps with a colon: a heading. */
    static boolean is(Span span, List<String> phrases) {
        String text = folded(span);
        for (String p : phrases) {
            String f = folded(p);
            if (f.length() > 2 && text.equals(f)) {
                return true;
            }
        }
        return false;
    }

    /** The span starts with one of the phrases; the number of words it covers, or 0. */
    static int startsWith(Span span, List<String> phrases) {
        int best = 0;
        for (String p : phrases) {
            String f = folded(p).strip();
            if (f.isEmpty()) {
                continue;
            }
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < span.words().size() && i < 8; i++) {
                String w = span.words().get(i).folded();
                if (!w.isEmpty()) {
                    joined.append(joined.isEmpty() ? "" : " ").append(w);
                }
                if (joined.toString().equals(f) && i + 1 > best) {
                    best = i + 1;
                }
                if (joined.length() > f.length()) {
                    break;
                }
            }
        }
        return best;
    }
}
