package org.medrec.extraction.chart;

import java.awt.Rectangle;

/**
 * A printed checkbox on a page, and whether it is ticked: its box on the upright page (as
 * {@link ChartWord#layout()}) and in the source page's pixels. Immutable.
 */
public record Mark(int page, Rectangle layout, int[] source, boolean checked, double confidence) {

    public Mark {
        layout = new Rectangle(layout);
        source = source.clone();
    }

    @Override
    public Rectangle layout() {
        return new Rectangle(layout);
    }

    @Override
    public int[] source() {
        return source.clone();
    }

    /** Whether it stands on the line: its middle within the line's height. */
    boolean on(ChartLine line) {
        int middle = layout.y + layout.height / 2;
        return page == line.page() && middle >= line.top() - layout.height / 2 && middle <= line.bottom() + layout.height / 2;
    }
}
