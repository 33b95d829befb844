package org.medrec.extraction.chart;

import java.util.List;

/**
 * A value as printed: one span, or several when it runs on over lines (a table cell that wraps,
 * an address's second line). Immutable.
 */
record Cell(List<Span> parts) {

    Cell {
        parts = parts.stream().filter(p -> !p.isEmpty()).toList();
    }

    static Cell of(Span span) {
        return new Cell(List.of(span));
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    Cell plus(Span more) {
        List<Span> all = new java.util.ArrayList<>(parts);
        all.add(more);
        return new Cell(all);
    }

    String text() {
        return String.join(" ", parts.stream().map(Span::text).toList());
    }

    double confidence() {
        return parts.stream().mapToDouble(Span::confidence).min().orElse(0.0);
    }

    /** The page of its first part. */
    int page() {
        return parts.get(0).page();
    }

    /** The union of the boxes of its parts on its first page. */
    int[] sourceBox() {
        int[] box = null;
        for (Span p : parts) {
            if (p.page() != page()) {
                continue;
            }
            int[] b = p.sourceBox();
            if (box == null) {
                box = b;
            } else {
                int x0 = Math.min(box[0], b[0]), y0 = Math.min(box[1], b[1]);
                int x1 = Math.max(box[0] + box[2], b[0] + b[2]), y1 = Math.max(box[1] + box[3], b[1] + b[3]);
                box = new int[] {x0, y0, x1 - x0, y1 - y0};
            }
        }
        return box;
    }
}
