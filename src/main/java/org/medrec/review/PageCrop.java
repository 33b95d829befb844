package org.medrec.review;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws what a technician sees of a page: the part around a box (the field and its line, with
 * room above and below) or the whole page, scaled to fit a width, the box filled in translucent
 * yellow and outlined in red. Boxes are in pixels of the page image; one outside the page is
 * clipped to it. Stateless and thread-safe.
 */
public final class PageCrop {

    private static final Color FILL = new Color(255, 214, 0);
    private static final Color EDGE = new Color(220, 20, 20);

    private PageCrop() {
    }

    /** The region of {@code page} shown around {@code box}: the box widened by its context, within the page. */
    public static Rectangle region(int pageWidth, int pageHeight, Rectangle box) {
        int marginX = Math.max(box.width, pageWidth / 3);
        int marginY = Math.max(box.height * 3, pageHeight / 25);
        Rectangle wanted = new Rectangle(box.x - marginX, box.y - marginY, box.width + 2 * marginX, box.height + 2 * marginY);
        Rectangle clipped = wanted.intersection(new Rectangle(0, 0, pageWidth, pageHeight));
        return clipped.isEmpty() ? new Rectangle(0, 0, pageWidth, pageHeight) : clipped;
    }

    /** The crop around {@code box} (null: the whole page), at most {@code maxWidth} pixels wide. */
    public static BufferedImage around(BufferedImage page, Rectangle box, int maxWidth) {
        if (box == null) {
            return whole(page, null, maxWidth);
        }
        return draw(page, region(page.getWidth(), page.getHeight(), box), box, maxWidth);
    }

    /** The whole page with {@code box} marked (null: no mark), at most {@code maxWidth} pixels wide. */
    public static BufferedImage whole(BufferedImage page, Rectangle box, int maxWidth) {
        return draw(page, new Rectangle(0, 0, page.getWidth(), page.getHeight()), box, maxWidth);
    }

    private static BufferedImage draw(BufferedImage page, Rectangle region, Rectangle box, int maxWidth) {
        double scale = Math.min(1.0, maxWidth / (double) region.width);
        int w = Math.max(1, (int) Math.round(region.width * scale));
        int h = Math.max(1, (int) Math.round(region.height * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(page, 0, 0, w, h, region.x, region.y, region.x + region.width, region.y + region.height, null);
            if (box != null) {
                int bx = (int) Math.round((box.x - region.x) * scale);
                int by = (int) Math.round((box.y - region.y) * scale);
                int bw = Math.max(2, (int) Math.round(box.width * scale));
                int bh = Math.max(2, (int) Math.round(box.height * scale));
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.30f));
                g.setColor(FILL);
                g.fillRect(bx, by, bw, bh);
                g.setComposite(AlphaComposite.SrcOver);
                g.setColor(EDGE);
                g.setStroke(new BasicStroke(Math.max(2f, (float) (4 * scale))));
                int pad = 3;
                g.drawRect(bx - pad, by - pad, bw + 2 * pad, bh + 2 * pad);
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
