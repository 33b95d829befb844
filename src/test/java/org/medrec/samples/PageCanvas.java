package org.medrec.samples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A grayscale page on which layout is done in PostScript points (1/72 in), whatever the resolution.
 * The Graphics2D is scaled by dpi/72, so one template renders at 300 dpi, 200 dpi or 204x98 dpi (fax).
 */
final class PageCanvas {

    static final String SANS = Font.SANS_SERIF;
    static final String SERIF = Font.SERIF;
    static final String MONO = Font.MONOSPACED;

    final BufferedImage image;
    final Graphics2D g;
    final double widthPt;
    final double heightPt;
    /** Current baseline-ish cursor, in points from the top, for flowing text. */
    double y;

    PageCanvas(double widthIn, double heightIn, double dpiX, double dpiY) {
        this.widthPt = widthIn * 72;
        this.heightPt = heightIn * 72;
        this.image = new BufferedImage((int) Math.round(widthIn * dpiX), (int) Math.round(heightIn * dpiY),
                BufferedImage.TYPE_BYTE_GRAY);
        this.g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(dpiX / 72.0, dpiY / 72.0);
        g.setColor(Color.BLACK);
        this.y = 54;
    }

    static PageCanvas letter(double dpi) {
        return new PageCanvas(8.5, 11, dpi, dpi);
    }

    void font(String family, int style, double size) {
        g.setFont(new Font(family, style, 1).deriveFont(style, (float) size));
    }

    void text(String s, double x, double baseline) {
        g.drawString(s, (float) x, (float) baseline);
    }

    double width(String s) {
        FontMetrics fm = g.getFontMetrics();
        return fm.getStringBounds(s, g).getWidth();
    }

    void centered(String s, double baseline) {
        text(s, (widthPt - width(s)) / 2, baseline);
    }

    void rightAligned(String s, double right, double baseline) {
        text(s, right - width(s), baseline);
    }

    void line(double x1, double y1, double x2, double y2, double thickness) {
        g.setStroke(new BasicStroke((float) thickness));
        g.draw(new java.awt.geom.Line2D.Double(x1, y1, x2, y2));
    }

    void rect(double x, double y0, double w, double h, double thickness) {
        g.setStroke(new BasicStroke((float) thickness));
        g.draw(new java.awt.geom.Rectangle2D.Double(x, y0, w, h));
    }

    /** Clinic letterhead: name, address, phone and a rule; then a form title. Moves the cursor below it. */
    void letterhead(SampleData.Clinic clinic, String title) {
        font(SERIF, Font.BOLD, 18);
        centered(clinic.name(), 62);
        font(SANS, Font.PLAIN, 10);
        centered(clinic.addressLine(), 78);
        centered(clinic.phoneLine(), 91);
        line(54, 99, widthPt - 54, 99, 1.5);
        font(SANS, Font.BOLD, 14);
        centered(title, 121);
        y = 146;
    }

    /** "Label: value" with the value on a rule ending at {@code right}, like a filled-in typed form field. */
    void field(String label, String value, double x, double baseline, double right) {
        font(SANS, Font.BOLD, 11);
        text(label, x, baseline);
        double vx = x + width(label) + 6;
        font(MONO, Font.PLAIN, 11);
        text(value, vx + 2, baseline);
        line(vx, baseline + 3, right, baseline + 3, 0.5);
    }

    /** A section heading with a thin rule underneath. */
    void section(String heading) {
        y += 8;
        font(SANS, Font.BOLD, 12);
        text(heading, 54, y);
        line(54, y + 4, widthPt - 54, y + 4, 0.75);
        y += 20;
    }

    /** Flowing left-aligned text, wrapped to the margins, in the current font. */
    void paragraph(String s, double indent, double lineHeight) {
        double maxWidth = widthPt - 54 - (54 + indent);
        StringBuilder current = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (width(candidate) > maxWidth && current.length() > 0) {
                text(current.toString(), 54 + indent, y);
                y += lineHeight;
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        if (current.length() > 0) {
            text(current.toString(), 54 + indent, y);
            y += lineHeight;
        }
    }

    /**
     * A ruled table: a bold shaded header row and a horizontal rule under every row, no vertical column rules
     * (boxed grids make Tesseract's layout analysis drop or garble the cells, at 200 dpi especially). Columns
     * given by width in points; numeric columns (rightAlign[i]) are right-aligned. Starts at the cursor and
     * moves it below the table.
     */
    void table(String[] headers, double[] widths, boolean[] rightAlign, java.util.List<String[]> rows,
               double rowHeight, double fontSize) {
        double x0 = 54;
        double total = 0;
        for (double w : widths) {
            total += w;
        }
        double top = y;
        g.setColor(new Color(225, 225, 225));
        g.fill(new java.awt.geom.Rectangle2D.Double(x0, top, total, rowHeight));
        g.setColor(Color.BLACK);
        font(SANS, Font.BOLD, fontSize);
        drawRow(headers, widths, rightAlign, x0, top, rowHeight);
        font(SANS, Font.PLAIN, fontSize);
        for (int r = 0; r < rows.size(); r++) {
            drawRow(rows.get(r), widths, rightAlign, x0, top + (r + 1) * rowHeight, rowHeight);
        }
        double bottom = top + (rows.size() + 1) * rowHeight;
        for (int r = 0; r <= rows.size() + 1; r++) {
            boolean heavy = r <= 1 || r == rows.size() + 1;
            line(x0, top + r * rowHeight, x0 + total, top + r * rowHeight, heavy ? 1.0 : 0.5);
        }
        y = bottom + 18;
    }

    private void drawRow(String[] cells, double[] widths, boolean[] rightAlign, double x0, double top,
                         double rowHeight) {
        double x = x0;
        double baseline = top + rowHeight * 0.5 + g.getFont().getSize2D() * 0.36;
        for (int c = 0; c < widths.length; c++) {
            String cell = c < cells.length ? cells[c] : "";
            if (rightAlign != null && rightAlign[c]) {
                rightAligned(cell, x + widths[c] - 5, baseline);
            } else {
                text(cell, x + 5, baseline);
            }
            x += widths[c];
        }
    }

    /** Page footer with a form number and page count, as printed forms have. */
    void footer(String left, String right) {
        font(SANS, Font.PLAIN, 8.5);
        text(left, 54, heightPt - 36);
        rightAligned(right, widthPt - 54, heightPt - 36);
    }

    BufferedImage finish() {
        g.dispose();
        return image;
    }
}
