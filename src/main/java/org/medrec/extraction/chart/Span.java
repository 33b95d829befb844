package org.medrec.extraction.chart;

import java.util.List;

/**
 * Words {@code from} (inclusive) to {@code to} (exclusive) of one line: where a value was read.
 * Immutable.
 */
public record Span(ChartLine line, int from, int to) {

    public Span {
        if (from < 0 || to > line.words().size() || from > to) {
            throw new IllegalArgumentException("words " + from + ".." + to + " of a line of " + line.words().size());
        }
    }

    public List<ChartWord> words() {
        return line.words().subList(from, to);
    }

    public boolean isEmpty() {
        return from == to;
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        for (ChartWord w : words()) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(w.text());
        }
        return b.toString();
    }

    /** The least sure word decides: one misread character makes the value wrong. */
    public double confidence() {
        return words().stream().mapToDouble(ChartWord::confidence).min().orElse(0.0);
    }

    public int left() {
        return isEmpty() ? line.left() : words().get(0).left();
    }

    public int right() {
        return isEmpty() ? left() : words().get(words().size() - 1).right();
    }

    public int page() {
        return line.page();
    }

    /** The union of the words' source boxes: x, y, width, height. */
    public int[] sourceBox() {
        if (isEmpty()) {
            return null;
        }
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;
        for (ChartWord w : words()) {
            int[] s = w.source();
            x0 = Math.min(x0, s[0]);
            y0 = Math.min(y0, s[1]);
            x1 = Math.max(x1, s[0] + s[2]);
            y1 = Math.max(y1, s[1] + s[3]);
        }
        return new int[] {x0, y0, x1 - x0, y1 - y0};
    }
}
