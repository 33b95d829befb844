package org.medrec.corpus;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The drawing every document type shares, in the page's {@link Style}: letterheads, labelled fields in four
 * looks (underlined, boxed with the caption above, leader dots, plain), one or two columns, ruled tables with
 * several header looks, footers. Values go through {@link Sheet#value} or {@link Sheet#hand}. Not thread-safe.
 */
final class Layout {

    static final double LEFT = 54;
    static final double RIGHT = 558;

    /** A labelled field: the label's key (see {@link Labels}), the truth path and the printed value. */
    record Field(String label, String path, String value) {
    }

    /** A table cell: printed text and its truth path (null: not in the truth). */
    record Cell(String text, String path) {
    }

    final Sheet sheet;
    final Style style;
    /** Truth paths written by hand on this page. */
    final Set<String> hand;

    Layout(Sheet sheet, Style style, Set<String> hand) {
        this.sheet = sheet;
        this.style = style;
        this.hand = hand;
    }

    void letterhead(People.Clinic clinic, String title) {
        Sheet s = sheet;
        String phone = "Tel " + clinic.phone("42") + "   Fax " + clinic.phone("43");
        switch (style.letterhead) {
            case CENTERED -> {
                s.font(style.heading, true, 17);
                s.centered(clinic.name(), 60);
                s.font(style.face, false, 9.5);
                s.centered(clinic.street() + ", " + clinic.cityLine(), 75);
                s.centered(phone, 87);
            }
            case LOGO_LEFT -> {
                s.fill(LEFT, 42, 34, 34, new Color(60, 60, 60));
                s.fill(LEFT + 14, 47, 6, 24, Color.WHITE);
                s.fill(LEFT + 5, 56, 24, 6, Color.WHITE);
                s.font(style.heading, true, 16);
                s.text(clinic.name(), LEFT + 44, 56);
                s.font(style.face, false, 9);
                s.text(clinic.street() + "  \u2022  " + clinic.cityLine(), LEFT + 44, 69);
                s.text(phone, LEFT + 44, 80);
            }
            case BLOCK_RIGHT -> {
                s.font(style.heading, true, 15);
                s.right(clinic.name(), RIGHT, 56);
                s.font(style.face, false, 9);
                s.right(clinic.street(), RIGHT, 69);
                s.right(clinic.cityLine(), RIGHT, 80);
                s.right(phone, RIGHT, 91);
            }
        }
        s.line(LEFT, 97, RIGHT, 97, 1.2);
        s.font(style.heading, true, 13.5);
        s.centered(style.cased(title), 120);
        s.y = 146;
    }

    /** Fields in this page's look, in one or two columns; moves the cursor below them. */
    void fields(List<Field> fields) {
        double top = sheet.y;
        double mid = (LEFT + RIGHT) / 2;
        if (style.twoColumns && fields.size() > 2 && fields.stream().allMatch(f -> fits(f, mid - LEFT - 12))) {
            int half = (fields.size() + 1) / 2;
            double left = column(fields.subList(0, half), LEFT, mid - 12, top);
            double right = column(fields.subList(half, fields.size()), mid + 6, RIGHT, top);
            sheet.y = Math.max(left, right) + 6;
        } else {
            sheet.y = column(fields, LEFT, RIGHT, top) + 6;
        }
    }

    private double column(List<Field> fields, double x, double right, double top) {
        double y = top;
        for (Field f : fields) {
            y += field(f, x, right, y);
        }
        return y;
    }

    /** Whether the field's label and value fit in a column this wide. */
    private boolean fits(Field f, double width) {
        String label = style.label(f.label());
        sheet.font(style.face, false, style.size);
        double value = sheet.width(style.cased(f.value())) * (f.path() != null && hand.contains(f.path()) ? 1.5 : 1);
        if (style.field == Style.Field.BOXED) {
            return value + 10 < width;
        }
        sheet.font(style.face, true, style.size);
        double labelWidth = sheet.width(label + ":") + 8;
        return Math.max(labelWidth, style.field == Style.Field.DOTTED ? 118 : 0) + value + 4 < width;
    }

    /** One field whose box starts at {@code top}; returns the height it took. */
    double field(Field f, double x, double right, double top) {
        Sheet s = sheet;
        double size = style.size;
        String label = style.label(f.label());
        if (style.field == Style.Field.BOXED) {
            double h = size * 2.6;
            s.rect(x, top, right - x, h, 0.6);
            s.font(style.face, false, size * 0.68);
            s.text(label.toUpperCase(), x + 3, top + size * 0.8);
            s.font(style.face, false, size);
            put(f, x + 4, top + h - size * 0.55);
            return h + 2;
        }
        double baseline = top + size * 1.5;
        s.font(style.face, true, size);
        String shown = style.field == Style.Field.DOTTED ? label : label + ":";
        s.text(shown, x, baseline);
        double vx = x + s.width(shown) + 6;
        if (style.field == Style.Field.DOTTED) {
            vx = Math.max(vx, x + 118);
            s.dotted(x + s.width(shown) + 3, baseline, vx - 3, 0.8);
        }
        s.font(style.face, false, size);
        put(f, vx + 2, baseline);
        if (style.field == Style.Field.UNDERLINED) {
            s.line(vx, baseline + 3, right, baseline + 3, 0.5);
        }
        return size * 2.2;
    }

    private void put(Field f, double x, double baseline) {
        String text = style.cased(f.value());
        if (f.path() != null && hand.contains(f.path())) {
            sheet.hand(f.path(), text, x, baseline, style.hand, style.random);
        } else {
            sheet.value(f.path(), text, x, baseline);
        }
    }

    /** A section heading with a rule (or a dark bar), as forms divide their parts. */
    void section(String heading) {
        sheet.y += 6;
        if (style.shadedHeaders) {
            sheet.fill(LEFT, sheet.y, RIGHT - LEFT, style.size * 1.7, new Color(70, 70, 70));
            sheet.color(Color.WHITE);
            sheet.font(style.heading, true, style.size + 1);
            sheet.text(style.cased(heading), LEFT + 5, sheet.y + style.size * 1.25);
            sheet.color(Sheet.INK);
            sheet.y += style.size * 1.7 + 6;
        } else {
            sheet.font(style.heading, true, style.size + 1.5);
            sheet.text(style.cased(heading), LEFT, sheet.y + style.size);
            sheet.line(LEFT, sheet.y + style.size + 4, RIGHT, sheet.y + style.size + 4, 0.7);
            sheet.y += style.size + 14;
        }
    }

    /**
     * A table: headers (already spelled), column widths in points (scaled to the page width), rows of cells.
     * Header looks: a light shaded bar, an underline only, or a full grid. Moves the cursor below it.
     */
    void table(List<String> headers, double[] widths, List<Cell[]> rows, boolean[] rightAligned) {
        Sheet s = sheet;
        double total = 0;
        for (double w : widths) {
            total += w;
        }
        double size = style.size;
        double[] need = new double[widths.length];
        double needed = 0;
        for (int c = 0; c < widths.length; c++) {
            s.font(style.face, true, size);
            need[c] = s.width(style.cased(headers.get(c))) + 12;
            s.font(style.face, false, size);
            for (Cell[] r : rows) {
                if (r[c] != null) {
                    need[c] = Math.max(need[c], s.width(style.cased(r[c].text())) * (r[c].path() != null
                            && hand.contains(r[c].path()) ? 1.5 : 1) + 12);
                }
            }
            needed += need[c];
        }
        if (needed > RIGHT - LEFT) {   // print smaller until the columns fit, as report writers do
            size = Math.max(6.5, size * (RIGHT - LEFT) / needed);
            for (int c = 0; c < widths.length; c++) {
                need[c] *= (RIGHT - LEFT) / needed;
            }
            needed = RIGHT - LEFT;
        }
        widths = widths.clone();
        double spare = RIGHT - LEFT - needed;
        for (int c = 0; c < widths.length; c++) {
            widths[c] = need[c] + spare * widths[c] / total;
        }
        double row = size * 2.0;
        double top = s.y;
        int look = style.random.nextInt(3);
        if (look == 0) {
            s.fill(LEFT, top, RIGHT - LEFT, row, new Color(222, 222, 222));
        }
        s.font(style.face, true, size);
        double x = LEFT;
        for (int c = 0; c < headers.size(); c++) {
            s.text(style.cased(headers.get(c)), x + 4, top + row * 0.68);
            x += widths[c];
        }
        s.line(LEFT, top + row, RIGHT, top + row, 1.0);
        s.font(style.face, false, size);
        for (int r = 0; r < rows.size(); r++) {
            double baseline = top + (r + 1) * row + row * 0.68;
            x = LEFT;
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = rows.get(r)[c];
                double w = widths[c];
                if (cell != null && !cell.text().isEmpty()) {
                    double cx = rightAligned != null && rightAligned[c] ? x + w - 5 - s.width(cell.text()) : x + 4;
                    put(new Field("", cell.path(), cell.text()), cx, baseline);
                }
                x += w;
            }
            if (look != 1) {
                s.line(LEFT, top + (r + 2) * row, RIGHT, top + (r + 2) * row, 0.4);
            }
        }
        double bottom = top + (rows.size() + 1) * row;
        if (look == 2) {
            s.rect(LEFT, top, RIGHT - LEFT, bottom - top, 0.8);
            x = LEFT;
            for (int c = 0; c < headers.size() - 1; c++) {
                x += widths[c];
                s.line(x, top, x, bottom, 0.5);
            }
        }
        s.y = bottom + 16;
    }

    /** Flowing text wrapped to the margins. */
    void paragraph(String text, double indent) {
        sheet.font(style.face, false, style.size);
        double lineHeight = style.size * 1.45;
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (sheet.width(candidate) > RIGHT - LEFT - indent && current.length() > 0) {
                sheet.text(current.toString(), LEFT + indent, sheet.y);
                sheet.y += lineHeight;
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        if (current.length() > 0) {
            sheet.text(current.toString(), LEFT + indent, sheet.y);
            sheet.y += lineHeight;
        }
    }

    void footer(String form, int page, int pages) {
        sheet.font(style.face, false, 8);
        sheet.text(form, LEFT, Sheet.HEIGHT_PT - 34);
        sheet.right("Page " + page + " of " + pages, RIGHT, Sheet.HEIGHT_PT - 34);
    }

    /** Columns in a random order (the first stays first: clinics lead with the date or the name). */
    static <T> List<T> shuffledTail(List<T> items, Random random) {
        List<T> out = new ArrayList<>(items);
        Collections.shuffle(out.subList(1, out.size()), random);
        return out;
    }
}
