package org.medrec.extraction.chart;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.medrec.extraction.validation.Normalized;

/**
 * Lists printed as boxes to tick ("Medical History - check all that apply"): under one of the
 * list's headings, each ticked box's label (the words right of it, up to the next box) is an
 * entry, in reading order. Also the one ticked option of a choice ({@code [ ] M [x] F [ ] X}).
 * Not thread-safe (one per document).
 */
final class Checklists {

    private final List<Mark> marks;
    private final RecordDraft draft;

    Checklists(List<Mark> marks, RecordDraft draft) {
        this.marks = marks;
        this.draft = draft;
    }

    /** Adds {@code list[i].field} for each ticked box under the headings, until a line that {@code ends}. */
    void add(List<ChartLine> lines, String list, String field, List<String> headings, Predicate<ChartLine> ends) {
        int next = 0;
        boolean open = false;
        for (ChartLine line : lines) {
            if (Phrases.startsWith(line.all(), headings) > 0) {
                open = true;
                continue;
            }
            if (open && ends.test(line)) {
                open = false;
            }
            if (!open) {
                continue;
            }
            List<Mark> onLine = marks.stream().filter(m -> m.on(line)).sorted(Comparator.comparingInt(m -> m.layout().x)).toList();
            for (int i = 0; i < onLine.size(); i++) {
                Mark mark = onLine.get(i);
                if (!mark.checked()) {
                    continue;
                }
                int from = mark.layout().x + mark.layout().width;
                int to = i + 1 < onLine.size() ? onLine.get(i + 1).layout().x : Integer.MAX_VALUE;
                Span label = between(line, from, to);
                String path = list + "[" + next++ + "]." + field;
                if (label.isEmpty()) {
                    draft.addMissing(path, line.all(), "a ticked box whose label could not be read");
                } else {
                    draft.add(path, Cell.of(label), Normalized.ok(label.text()),
                            mark.confidence() < draft.policy().validated() ? "the tick in this box is faint or unclear" : null);
                }
            }
        }
    }

    /**
     * The option whose box is ticked among the option words of a span ({@code M F X}), or null when
     * not exactly one box beside the options is ticked.
     */
    Span ticked(Span options, Predicate<String> isOption) {
        Span chosen = null;
        int ticked = 0;
        for (int i = options.from(); i < options.to(); i++) {
            ChartWord w = options.line().words().get(i);
            if (!isOption.test(w.text())) {
                continue;
            }
            for (Mark m : marks) {
                int right = m.layout().x + m.layout().width;
                if (m.on(options.line()) && right <= w.left() + 2 && w.left() - right < 2 * m.layout().width) {
                    if (m.checked() && m.confidence() >= draft.policy().validated()) {
                        chosen = options.line().span(i, i + 1);
                        ticked++;
                    } else if (m.checked()) {
                        ticked += 2;   // a doubtful tick: let a person look
                    }
                }
            }
        }
        return ticked == 1 ? chosen : null;
    }

    private static Span between(ChartLine line, int from, int to) {
        int a = -1, b = -1;
        for (int i = 0; i < line.words().size(); i++) {
            ChartWord w = line.words().get(i);
            if (w.left() >= from - 2 && w.right() - 2 <= to) {
                if (a >= 0 && i > b && line.cellBreakBefore(i) && b > a) {
                    break;
                }
                a = a < 0 ? i : a;
                b = i + 1;
            }
        }
        return a < 0 ? line.span(0, 0) : line.span(a, b);
    }
}
