package org.medrec.extraction.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medrec.extraction.validation.Normalized;

/**
 * Reads a fixed-layout form ({@link FormLayout}) on one page: its anchor phrases place and scale
 * the reference layout on the page (a scan is shifted, scaled, faxed at another resolution), then
 * each box's value is the words that stand in it. Stateless.
 */
final class FormBoxes {

    /** Where the reference layout stands on a page: page = scale × reference + offset, per axis. */
    record Placement(double sx, double tx, double sy, double ty) {

        double x(double reference) {
            return sx * reference + tx;
        }

        double y(double reference) {
            return sy * reference + ty;
        }
    }

    /** A box of an amount's cents, beside the box of its dollars ({@code charge.cents} beside {@code charge}). */
    static final String CENTS = ".cents";

    /** The anchors may stray this far from where the fitted layout puts them: a share of the page. */
    private static final double MAX_STRAY = 0.015;

    private FormBoxes() {
    }

    /** The layout placed on the page's lines, or null when too few anchors were found or they do not agree. */
    static Placement place(List<ChartLine> page, FormLayout layout) {
        List<double[]> found = new ArrayList<>();   // reference x, y, page x, y
        for (Map.Entry<String, int[]> anchor : layout.anchors().entrySet()) {
            ChartWord first = find(page, anchor.getKey());
            if (first != null) {
                found.add(new double[] {anchor.getValue()[0], anchor.getValue()[1], first.left(), first.top()});
            }
        }
        if (found.size() < FormLayout.MIN_ANCHORS) {
            return null;
        }
        double[] x = fit(found, 0), y = fit(found, 1);
        if (x == null && y == null) {
            return null;
        }
        x = x != null ? x : uniform(found, 0, y[0]);
        y = y != null ? y : uniform(found, 1, x[0]);
        Placement p = new Placement(x[0], x[1], y[0], y[1]);
        double extent = Math.max(found.stream().mapToDouble(f -> f[3]).max().orElse(0), 1);
        for (double[] f : found) {
            if (Math.abs(p.x(f[0]) - f[2]) > MAX_STRAY * extent || Math.abs(p.y(f[1]) - f[3]) > MAX_STRAY * extent) {
                return null;
            }
        }
        return p;
    }

    /**
     * Least squares of page = scale × reference + offset on one axis; null when the anchors do not
     * spread on it (they all stand in one column) or the scale is beyond any scan's.
     */
    private static double[] fit(List<double[]> found, int axis) {
        double n = found.size(), mr = 0, mo = 0;
        for (double[] f : found) {
            mr += f[axis] / n;
            mo += f[axis + 2] / n;
        }
        double cov = 0, var = 0;
        for (double[] f : found) {
            cov += (f[axis] - mr) * (f[axis + 2] - mo);
            var += (f[axis] - mr) * (f[axis] - mr);
        }
        if (var < 100 * 100 * n / 4) {
            return null;
        }
        double scale = cov / var;
        return scale < 0.3 || scale > 4 ? null : new double[] {scale, mo - scale * mr};
    }

    /** The offset on one axis for a scale taken from the other (anchors that stand in one column or one row). */
    private static double[] uniform(List<double[]> found, int axis, double scale) {
        double offset = found.stream().mapToDouble(f -> f[axis + 2] - scale * f[axis]).average().orElse(0);
        return new double[] {scale, offset};
    }

    private static ChartWord find(List<ChartLine> page, String phrase) {
        for (ChartLine line : page) {
            for (int i = 0; i < line.words().size(); i++) {
                if (Phrases.startsWith(line.span(i, line.words().size()), List.of(phrase)) > 0) {
                    return line.words().get(i);
                }
            }
        }
        return null;
    }

    /**
     * The single values of the layout as label values: the words in each box, under the caption
     * printed at the box's top (a box with nothing legible has an empty value). Boxes with neither
     * are left out.
     */
    static List<LabelValue> fields(List<ChartLine> page, FormLayout layout, Placement p) {
        List<LabelValue> out = new ArrayList<>();
        layout.fields().forEach((key, box) -> {
            Span value = value(page, box, p);
            Span caption = caption(page, box, p);
            Span label = caption != null ? caption : value;
            if (label != null) {
                Span v = value != null ? value : label.line().span(label.to(), label.to());
                out.add(new LabelValue(key, new LabelHit(key, label.line(), label.from(), label.to()), v, v));
            }
        });
        return out;
    }

    /** The entries of the layout's lists that hold anything, each value validated as its list's field. */
    static void addLists(List<ChartLine> page, FormLayout layout, Placement p, ChartValues values, RecordDraft draft) {
        layout.lists().forEach((path, entries) -> {
            String list = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[.*", "");
            int index = 0;
            for (Map<String, int[]> entry : entries) {
                Map<String, Span> read = new java.util.LinkedHashMap<>();
                entry.forEach((field, box) -> {
                    Span v = value(page, box, p);
                    if (v != null && legible(v, values.read(list, field.replace(CENTS, ""), v.text()), field.endsWith(CENTS))) {
                        read.put(field, v);
                    }
                });
                if (read.isEmpty()) {
                    continue;
                }
                String prefix = path + "[" + index++ + "].";
                Span any = read.values().iterator().next();
                for (String field : entry.keySet()) {
                    if (field.endsWith(CENTS)) {
                        continue;
                    }
                    Span v = read.get(field);
                    Span cents = read.get(field + CENTS);
                    String edge = v == null ? null : edgeDoubt(field, v, entry.get(field), p);
                    if (v == null) {
                        draft.addMissing(prefix + field, any, "this line of the form has no legible " + field + ": enter it");
                    } else if (entry.containsKey(field + CENTS)) {
                        Cell amount = cents == null ? Cell.of(v) : new Cell(List.of(v, cents));
                        Normalized n = values.read(list, field, cents != null ? v.text() + "." + cents.text()
                                : v.text().contains(".") ? v.text() : v.text() + ".00");
                        draft.add(prefix + field, amount, n, cents == null
                                ? "no cents were read in the box beside the dollars: check the amount" : edge);
                    } else {
                        draft.add(prefix + field, Cell.of(v), values.read(list, field, v.text()), edge);
                    }
                }
            }
        });
    }

    /**
     * The single values of the layout whose text stands at their box's edge ({@link #edgeDoubt}): each
     * word span with why it is in doubt.
     */
    static Map<Span, String> atEdges(List<ChartLine> page, FormLayout layout, Placement p) {
        Map<Span, String> out = new java.util.LinkedHashMap<>();
        layout.fields().forEach((key, box) -> {
            Span v = value(page, box, p);
            String why = v == null ? null : edgeDoubt(key.substring(key.lastIndexOf('.') + 1), v, box, p);
            if (why != null) {
                out.put(v, why);
            }
        });
        return out;
    }

    /**
     * A value whose first word starts, or whose last word ends, less than half its text's height from
     * its box's edge, or beyond it: a glyph printed on the box's rule is lost with the rule or read
     * as part of it ({@code ISAAC} read {@code SAAC}), and what is left may still read as a value. A
     * value whose shape a validator checks whole is exempt (a code of a fixed length, a phone, a
     * state; a date whose first group, at the left edge, or last group, at the right, is whole),
     * since a lost glyph leaves it invalid. Null when the value keeps clear of both edges.
     */
    static String edgeDoubt(String field, Span v, int[] box, Placement p) {
        List<ChartWord> words = v.words();
        double height = words.stream().mapToInt(w -> w.layout().height).max().orElse(0);
        if (height <= 0 || FIXED_SHAPE.contains(field) || field.endsWith(CENTS)) {
            return null;
        }
        String text = v.text();
        boolean date = field.equals("date") || field.endsWith("_date");
        boolean left = words.get(0).left() - p.x(box[0]) < EDGE_ZONE * height
                && !(date && WHOLE_FIRST_GROUP.matcher(text).lookingAt());
        boolean right = p.x(box[2]) - words.get(words.size() - 1).right() < EDGE_ZONE * height
                && !(date && WHOLE_LAST_GROUP.matcher(text).find());
        return !left && !right ? null : "the value stands at the " + (left ? "left" : "right") + " edge of its box: a letter"
                + " printed on the box's rule may be lost with it, check the value against the page";
    }

    /** The share of a value's text height within which a word is taken to stand on its box's edge. */
    static final double EDGE_ZONE = 0.5;
    /** Fields whose validator demands a fixed shape (length and check), which a lost glyph breaks. */
    private static final java.util.Set<String> FIXED_SHAPE = java.util.Set.of("npi", "cpt", "code", "cvx", "state",
            "postal_code", "phone", "sex");
    private static final java.util.regex.Pattern WHOLE_FIRST_GROUP = java.util.regex.Pattern.compile("\\d{2}\\D");
    private static final java.util.regex.Pattern WHOLE_LAST_GROUP = java.util.regex.Pattern.compile("\\D(\\d{2}|\\d{4})$");

    /**
     * Not a speck or a box's rule read as letters: three letters or digits (two for cents), read
     * with some confidence or valid.
     */
    private static boolean legible(Span v, Normalized n, boolean cents) {
        return v.text().replaceAll("[^\\p{L}\\d]", "").length() >= (cents ? 2 : 3) && (n.isOk() || v.confidence() >= 0.3);
    }

    /**
     * The page's lines with handwriting judged against the values typed in the form's boxes (a
     * printer fills a claim in a larger type than its captions), not against the whole page.
     */
    static List<ChartLine> remarked(List<ChartLine> page, FormLayout layout, Placement p) {
        List<int[]> boxes = new ArrayList<>(layout.fields().values());
        layout.lists().values().forEach(entries -> entries.forEach(e -> boxes.addAll(e.values())));
        List<ChartWord> typed = new ArrayList<>();
        for (int[] box : boxes) {
            Span v = value(page, box, p);
            if (v != null) {
                typed.addAll(v.words());
            }
        }
        double height = Handwriting.typedHeight(typed);
        return height == 0 ? page
                : page.stream().map(l -> new ChartLine(l.page(), l.index(), Handwriting.mark(l.words(), height))).toList();
    }

    /** The words in the box, from the line with most of them. */
    private static Span value(List<ChartLine> page, int[] box, Placement p) {
        Span best = null;
        for (ChartLine line : page) {
            Span s = line.within(p.x(box[0]), p.x(box[2]), p.y(box[1]), p.y(box[3]));
            if (s != null && (best == null || s.words().size() > best.words().size())) {
                best = s;
            }
        }
        return best;
    }

    /** The caption over the box: the words of the nearest line above it, across the box's width. */
    private static Span caption(List<ChartLine> page, int[] box, Placement p) {
        Span best = null;
        double top = p.y(box[1]);
        for (ChartLine line : page) {
            if (line.bottom() <= top + 2 && top - line.top() < 3 * line.height()) {
                Span s = line.within(p.x(box[0]), p.x(box[2]));
                best = s != null ? s : best;
            }
        }
        return best;
    }
}
