package org.medrec.extraction.chart;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.medrec.record.Method;
import org.medrec.ocr.Checkbox;
import org.medrec.ocr.OcrLine;
import org.medrec.ocr.OcrWord;
import org.medrec.ocr.PageText;
import org.medrec.ocr.PreparedPage;

/**
 * The text of a chart file as lines top to bottom, page by page. Lines that the OCR engine put in
 * different blocks but that stand side by side on the page (a form's two columns) are joined into
 * one visual line. Immutable.
 *
 * @param method how the words were read: {@code TEXT_LAYER} when every page had one
 */
public record ChartDocument(List<ChartLine> lines, Method method, int pages, List<Mark> marks) {

    public ChartDocument {
        lines = List.copyOf(lines);
        marks = List.copyOf(marks);
    }

    public ChartDocument(List<ChartLine> lines, Method method, int pages) {
        this(lines, method, pages, List.of());
    }

    public static ChartDocument of(List<PageText> pages) {
        List<ChartLine> lines = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        boolean textLayer = !pages.isEmpty();
        for (PageText page : pages) {
            textLayer &= page.source() == PageText.Source.TEXT_LAYER || page.blank();
            List<List<ChartWord>> visual = new ArrayList<>();
            for (OcrLine line : page.ocr().lines()) {
                List<ChartWord> words = new ArrayList<>();
                for (OcrWord word : line.words()) {
                    if (!word.text().isBlank()) {
                        words.add(word(word, page.prepared()));
                    }
                }
                if (!words.isEmpty()) {
                    visual.add(words);
                }
            }
            for (List<ChartWord> words : Handwriting.mark(joinSideBySide(visual))) {
                lines.add(new ChartLine(page.number(), lines.size(), words));
            }
            for (Checkbox box : page.ocr().checkboxes()) {
                marks.add(new Mark(page.number(), layout(box.box(), page.prepared()), source(box.box(), page.prepared()),
                        box.checked(), box.confidence()));
            }
        }
        return new ChartDocument(lines, textLayer ? Method.TEXT_LAYER : Method.OCR, pages.size(), marks);
    }

    private static ChartWord word(OcrWord word, PreparedPage prepared) {
        double s = prepared == null ? 1 : prepared.scale();
        return new ChartWord(word.text(), word.confidence(), layout(word.box(), prepared), source(word.box(), prepared),
                (int) Math.round(word.glyphHeight() / s));
    }

    /** A box of the recognised image on the upright page at the page's own resolution (the enlargement undone). */
    private static Rectangle layout(Rectangle box, PreparedPage prepared) {
        double s = prepared == null ? 1 : prepared.scale();
        return new Rectangle((int) Math.round(box.x / s), (int) Math.round(box.y / s),
                (int) Math.max(1, Math.round(box.width / s)), (int) Math.max(1, Math.round(box.height / s)));
    }

    /** A box of the recognised image in the source page's pixels. */
    private static int[] source(Rectangle box, PreparedPage prepared) {
        Rectangle r = prepared == null ? box : prepared.toSource(box);
        return new int[] {r.x, r.y, r.width, r.height};
    }

    /** Lines of one page, each left to right, joined where they share most of their height and do not overlap. */
    static List<List<ChartWord>> joinSideBySide(List<List<ChartWord>> lines) {
        List<List<ChartWord>> out = new ArrayList<>();
        List<List<ChartWord>> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingInt(ChartDocument::middle));
        for (List<ChartWord> line : sorted) {
            List<ChartWord> target = null;
            for (List<ChartWord> candidate : out) {
                if (sameRow(candidate, line) && !overlapsHorizontally(candidate, line)) {
                    target = candidate;
                    break;
                }
            }
            if (target == null) {
                out.add(new ArrayList<>(line));
            } else {
                target.addAll(line);
                target.sort(Comparator.comparingInt(ChartWord::left));
            }
        }
        out.sort(Comparator.comparingInt(l -> l.stream().mapToInt(ChartWord::top).min().orElse(0)));
        return out;
    }

    private static int middle(List<ChartWord> line) {
        return (top(line) + bottom(line)) / 2;
    }

    private static int top(List<ChartWord> line) {
        return line.stream().mapToInt(ChartWord::top).min().orElse(0);
    }

    private static int bottom(List<ChartWord> line) {
        return line.stream().mapToInt(ChartWord::bottom).max().orElse(0);
    }

    private static boolean sameRow(List<ChartWord> a, List<ChartWord> b) {
        int overlap = Math.min(bottom(a), bottom(b)) - Math.max(top(a), top(b));
        int smaller = Math.min(bottom(a) - top(a), bottom(b) - top(b));
        return overlap > 0.6 * smaller;
    }

    private static boolean overlapsHorizontally(List<ChartWord> a, List<ChartWord> b) {
        for (ChartWord x : a) {
            for (ChartWord y : b) {
                if (x.left() < y.right() && y.left() < x.right()) {
                    return true;
                }
            }
        }
        return false;
    }
}
