package org.medrec.extraction.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tesseract reads some handwriting with a confidence as high as print's, so confidence alone does
 * not keep it out of the store. Hands write larger than a printer does, and unevenly: a word is
 * marked when it is written more than a fifth larger than the page's own typed text and its size
 * is not one the page types in (a form printed in two sizes, a claim's values larger than its
 * captions: a size many words share is a typeface, not a hand). A value with such a word goes to
 * review.
 *
 * <p>The size of a word is the height of its tall glyphs (capitals, digits, letters with
 * ascenders) as OCR measured them ({@link ChartWord#glyph}), which a speck joined to one glyph
 * does not change as it changes the word's box; the page's typed size is the median of its words
 * read with high confidence. Where glyphs were not measured, the word's box is used, for words of
 * capitals and digits only. Stateless.
 */
final class Handwriting {

    static final double OVERSIZED = 1.2;
    /** A size shared by this many confident words, or this share of them, within {@link #SAME_SIZE}, is a typeface. */
    static final int TYPEFACE_WORDS = 5;
    static final double TYPEFACE_SHARE = 0.05, SAME_SIZE = 0.08;
    /** Capitals and digits, without the marks and letters that reach below the line or above the capitals (/ , ( ) J Q). */
    private static final Pattern CAPITALS = Pattern.compile("[A-IK-PR-Z0-9][A-IK-PR-Z0-9.:#'-]+");
    private static final int SAMPLE = 5;
    /** The glyphs whose height is the word's size: capitals, digits and letters with ascenders (two at least). */
    private static final Pattern TALL = Pattern.compile("[A-Z0-9bdfhklt]");

    /** The sizes typed on a page: its typed text's, and the sorted sizes of its confident words. */
    record Typed(double height, double[] sizes) {

        static final Typed NONE = new Typed(0, new double[0]);

        /** Whether enough confident words share this size for it to be a typeface of the page. */
        boolean typeface(double size) {
            long near = Arrays.stream(sizes).filter(s -> Math.abs(s - size) <= SAME_SIZE * size).count();
            return near >= Math.max(TYPEFACE_WORDS, TYPEFACE_SHARE * sizes.length);
        }
    }

    private Handwriting() {
    }

    /** One page's lines with the oversized words marked, against the page's typed text. */
    static List<List<ChartWord>> mark(List<List<ChartWord>> page) {
        Typed typed = typed(page.stream().flatMap(List::stream).toList());
        return typed.height() == 0 ? page : page.stream().map(line -> mark(line, typed)).toList();
    }

    /**
     * The height of typed text among the words (those read with high confidence), or 0 when too few
     * were read to tell.
     */
    static double typedHeight(List<ChartWord> words) {
        return typed(words).height();
    }

    static Typed typed(List<ChartWord> words) {
        double[] sizes = words.stream().filter(w -> w.confidence() >= 0.9).mapToDouble(Handwriting::size)
                .filter(s -> s > 0).sorted().toArray();
        return sizes.length < SAMPLE ? Typed.NONE : new Typed(sizes[sizes.length / 2], sizes);
    }

    /** The word's size: its tall glyphs' height, or (not measured) its box's for a word of capitals and digits; 0: none. */
    static double size(ChartWord w) {
        if (w.glyph() > 0 && TALL.matcher(w.text()).results().count() >= 2) {
            return w.glyph();
        }
        return CAPITALS.matcher(w.text()).matches() ? w.layout().height : 0;
    }

    /** The line's words, each marked oversized or not against the given height of typed text. */
    static List<ChartWord> mark(List<ChartWord> line, double typed) {
        return mark(line, new Typed(typed, new double[0]));
    }

    static List<ChartWord> mark(List<ChartWord> line, Typed typed) {
        List<ChartWord> marked = new ArrayList<>();
        for (ChartWord w : line) {
            double size = size(w);
            marked.add(w.oversized(size > OVERSIZED * typed.height() && !typed.typeface(size)));
        }
        return marked;
    }
}
