package org.medrec.corpus;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * One letter-size page drawn in PostScript points (1/72 in) at any resolution, in colour. Every value
 * the truth holds is drawn through {@link #value} or {@link #hand}, which remember where it stands on
 * the page (in pixels), so a later stage can black it out and take it out of the truth. Not thread-safe.
 */
final class Sheet {

    static final double WIDTH_PT = 612;
    static final double HEIGHT_PT = 792;
    static final Color INK = new Color(18, 18, 18);
    static final Color PEN = new Color(24, 36, 98);

    final BufferedImage image;
    final int dpi;
    private final Graphics2D g;
    private final Map<String, Rectangle> boxes = new LinkedHashMap<>();
    /** The cursor for flowing content, in points from the top. */
    double y = 54;

    Sheet(int dpi) {
        this.dpi = dpi;
        image = new BufferedImage((int) Math.round(8.5 * dpi), 11 * dpi, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.scale(dpi / 72.0, dpi / 72.0);
        g.setColor(INK);
    }

    void font(Fonts.Face face, boolean bold, double size) {
        g.setFont(face.of(bold, size));
    }

    void color(Color c) {
        g.setColor(c);
    }

    double width(String s) {
        return g.getFontMetrics().getStringBounds(s, g).getWidth();
    }

    void text(String s, double x, double baseline) {
        g.drawString(s, (float) x, (float) baseline);
    }

    void centered(String s, double baseline) {
        text(s, (WIDTH_PT - width(s)) / 2, baseline);
    }

    void right(String s, double right, double baseline) {
        text(s, right - width(s), baseline);
    }

    /** Typed text that the truth holds at {@code path}; its place is remembered (a null path: not in the truth). */
    void value(String path, String s, double x, double baseline) {
        text(s, x, baseline);
        if (path != null) {
            remember(path, x, baseline, width(s), g.getFont().getSize2D());
        }
    }

    /**
     * Text written by hand: a handwriting face a quarter to a half larger than the typed text, in pen blue, each
     * letter turned and lifted a little. Its place is remembered like a typed value's (a null path: a signature).
     */
    void hand(String path, String s, double x, double baseline, Fonts.Face face, Random random) {
        Font typed = g.getFont();
        Color ink = g.getColor();
        double size = typed.getSize2D() * (1.25 + 0.2 * random.nextDouble());
        Font pen = face.of(false, size);
        g.setColor(PEN);
        double cx = x;
        for (int i = 0; i < s.length(); i++) {
            String ch = s.substring(i, i + 1);
            double lift = (random.nextDouble() - 0.5) * size * 0.12;
            g.setFont(pen.deriveFont(AffineTransform.getRotateInstance(Math.toRadians((random.nextDouble() - 0.5) * 9))));
            g.drawString(ch, (float) cx, (float) (baseline + lift));
            g.setFont(pen);
            cx += width(ch) * (0.95 + 0.12 * random.nextDouble());
        }
        if (path != null) {
            remember(path, x, baseline, cx - x, size);
        }
        g.setFont(typed);
        g.setColor(ink);
    }

    void line(double x1, double y1, double x2, double y2, double thickness) {
        g.setStroke(new BasicStroke((float) thickness));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    void dotted(double x1, double y1, double x2, double thickness) {
        g.setStroke(new BasicStroke((float) thickness, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1,
                new float[] {0.5f, 3f}, 0));
        g.draw(new Line2D.Double(x1, y1, x2, y1));
    }

    void rect(double x, double top, double w, double h, double thickness) {
        g.setStroke(new BasicStroke((float) thickness));
        g.draw(new Rectangle2D.Double(x, top, w, h));
    }

    void fill(double x, double top, double w, double h, Color c) {
        Color was = g.getColor();
        g.setColor(c);
        g.fill(new Rectangle2D.Double(x, top, w, h));
        g.setColor(was);
    }

    /** A bitmap (a pre-printed form) drawn over the whole page. */
    void backdrop(BufferedImage form, double dx, double dy) {
        AffineTransform t = g.getTransform();
        g.setTransform(new AffineTransform());
        g.drawImage(form, (int) Math.round(dx), (int) Math.round(dy), image.getWidth(), image.getHeight(), null);
        g.setTransform(t);
    }

    /** Where the truth's values stand, in page pixels, by path. */
    Map<String, Rectangle> boxes() {
        return boxes;
    }

    BufferedImage finish() {
        g.dispose();
        return image;
    }

    private void remember(String path, double x, double baseline, double w, double size) {
        double k = dpi / 72.0;
        boxes.put(path, new Rectangle((int) Math.floor(x * k) - 2, (int) Math.floor((baseline - size * 0.85) * k) - 2,
                (int) Math.ceil(w * k) + 4, (int) Math.ceil(size * 1.15 * k) + 4));
    }
}
