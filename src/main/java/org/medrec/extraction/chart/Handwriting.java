package org.medrec.extraction.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tesseract reads some handwriting with a confidence as high as print's, so confidence alone does
 * not keep it out of the store. Hands write capitals and digits taller than a typewriter or a
 * printer does: a word of capitals or digits more than a fifth taller than the page's typed
 * capitals (read with high confidence) is marked, and a value with such a word goes to review.
 * Stateless.
 */
final class Handwriting {

    static final double OVERSIZED = 1.2;
    /** Capitals and digits, without the marks and letters that reach below the line or above the capitals (/ , ( ) J Q). */
    private static final Pattern CAPITALS = Pattern.compile("[A-IK-PR-Z0-9][A-IK-PR-Z0-9.:#'-]+");
    private static final int SAMPLE = 5;

    private Handwriting() {
    }

    /** One page's lines with the oversized words marked, against the page's typed capitals. */
    static List<List<ChartWord>> mark(List<List<ChartWord>> page) {
        double typed = typedHeight(page.stream().flatMap(List::stream).toList());
        return typed == 0 ? page : page.stream().map(line -> mark(line, typed)).toList();
    }

    /**
     * The height of typed capitals among the words (those read with high confidence), or 0 when
     * too few were read to tell.
     */
    static double typedHeight(List<ChartWord> words) {
        double[] heights = words.stream().filter(w -> w.confidence() >= 0.9 && CAPITALS.matcher(w.text()).matches())
                .mapToDouble(w -> w.layout().height).sorted().toArray();
        return heights.length < SAMPLE ? 0 : heights[heights.length / 2];
    }

    /** The line's words, each marked oversized or not against the given height of typed capitals. */
    static List<ChartWord> mark(List<ChartWord> line, double typed) {
        List<ChartWord> marked = new ArrayList<>();
        for (ChartWord w : line) {
            marked.add(w.oversized(CAPITALS.matcher(w.text()).matches() && w.layout().height > OVERSIZED * typed));
        }
        return marked;
    }
}
