package org.medrec.extraction.chart;

import java.awt.Rectangle;
import java.util.Objects;

/**
 * A word of a chart page: what was read, how sure the reader was (0..1, 1 for a text layer), its
 * box on the upright page (for layout: lines, columns) and its box in the source page's pixels
 * (for provenance and the review UI). {@code oversized}: written in capitals or digits much taller than
 * the page's typed text, as hands write (see {@link Handwriting}); {@code folded}: the text as
 * labels are compared ({@link LabelText#fold}), worked out once; {@code glyph}: the height of its tall
 * glyphs on the upright page (0: not measured, as for a text layer). Immutable.
 */
public record ChartWord(String text, double confidence, Rectangle layout, int[] source, boolean oversized, String folded,
                        int glyph) {

    public ChartWord(String text, double confidence, Rectangle layout, int[] source) {
        this(text, confidence, layout, source, false);
    }

    public ChartWord(String text, double confidence, Rectangle layout, int[] source, boolean oversized) {
        this(text, confidence, layout, source, oversized, LabelText.fold(text), 0);
    }

    public ChartWord(String text, double confidence, Rectangle layout, int[] source, int glyph) {
        this(text, confidence, layout, source, false, LabelText.fold(text), glyph);
    }

    public ChartWord {
        Objects.requireNonNull(text, "text");
        layout = new Rectangle(Objects.requireNonNull(layout, "layout"));
        source = Objects.requireNonNull(source, "source").clone();
    }

    public int left() {
        return layout.x;
    }

    public int right() {
        return layout.x + layout.width;
    }

    public int top() {
        return layout.y;
    }

    public int bottom() {
        return layout.y + layout.height;
    }

    public double centerX() {
        return layout.x + layout.width / 2.0;
    }

    ChartWord oversized(boolean tall) {
        return tall == oversized ? this : new ChartWord(text, confidence, layout, source, tall, folded, glyph);
    }

    @Override
    public Rectangle layout() {
        return new Rectangle(layout);
    }

    @Override
    public int[] source() {
        return source.clone();
    }
}
