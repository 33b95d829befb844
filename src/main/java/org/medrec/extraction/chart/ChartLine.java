package org.medrec.extraction.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A line of words on one page, left to right, as the OCR engine (or the text layer) set them.
 * Immutable.
 *
 * @param page  1-based page number
 * @param index position of the line in the document (0-based, across pages)
 */
public record ChartLine(int page, int index, List<ChartWord> words) {

    /**
     * A gap wider than this many character widths (and than most of the line's height) separates
     * two cells (a form's columns, table cells); a typewriter's two spaces do not.
     */
    static final double CELL_GAP_CHARS = 2.2, CELL_GAP_HEIGHTS = 0.9;

    public ChartLine {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a line has words");
        }
    }

    public String text() {
        return span(0, words.size()).text();
    }

    public Span span(int from, int to) {
        return new Span(this, from, to);
    }

    public Span all() {
        return span(0, words.size());
    }

    public int top() {
        return words.stream().mapToInt(ChartWord::top).min().orElseThrow();
    }

    public int bottom() {
        return words.stream().mapToInt(ChartWord::bottom).max().orElseThrow();
    }

    public int left() {
        return words.get(0).left();
    }

    /** The median word height: the line's text size. */
    public int height() {
        int[] h = words.stream().mapToInt(w -> w.layout().height).sorted().toArray();
        return Math.max(1, h[h.length / 2]);
    }

    /** The median width of a character in the line's words of two characters or more. */
    public double charWidth() {
        double[] w = words.stream().filter(x -> x.text().length() >= 2)
                .mapToDouble(x -> x.layout().width / (double) x.text().length()).sorted().toArray();
        return w.length == 0 ? 0.5 * height() : w[w.length / 2];
    }

    /** Whether the gap before word {@code i} separates cells. */
    public boolean cellBreakBefore(int i) {
        if (i <= 0 || i >= words.size()) {
            return false;
        }
        int gap = words.get(i).left() - words.get(i - 1).right();
        return gap > CELL_GAP_HEIGHTS * height() && gap > CELL_GAP_CHARS * charWidth();
    }

    /** The line cut at wide gaps. */
    public List<Span> cells() {
        List<Span> cells = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= words.size(); i++) {
            if (i == words.size() || cellBreakBefore(i)) {
                cells.add(span(start, i));
                start = i;
            }
        }
        return cells;
    }

    /**
     * The words whose middle stands between {@code left} and {@code right} (a column, a box), without
     * marks and specks at either end; null when none is left.
     */
    public Span within(double left, double right) {
        return within(left, right, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** As {@link #within(double, double)}, of the words whose middle also stands between {@code top} and {@code bottom}. */
    public Span within(double left, double right, double top, double bottom) {
        int from = -1, to = -1;
        for (int i = 0; i < words.size(); i++) {
            ChartWord w = words.get(i);
            double c = w.centerX(), m = w.top() + w.layout().height / 2.0;
            if (c >= left && c < right && m >= top && m < bottom) {
                from = from < 0 ? i : from;
                to = i + 1;
            }
        }
        while (from >= 0 && from < to && speck(words.get(from))) {
            from++;
        }
        while (from >= 0 && to > from && speck(words.get(to - 1))) {
            to--;
        }
        return from < 0 || from == to ? null : span(from, to);
    }

    /** A rule, a mark or a speck read as a word: no letter or digit, or a faint word of one or two characters. */
    private static boolean speck(ChartWord w) {
        return !w.text().matches(".*[\\p{L}\\d].*") || (w.confidence() < 0.5 && w.text().length() <= 2);
    }
}
