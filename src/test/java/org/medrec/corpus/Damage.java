package org.medrec.corpus;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What happens to paper before it reaches the scanner: coffee stains, creases from folding, staple and punch
 * holes, and redaction bars. A bar over a value of the truth makes that value unreadable: {@link #redact}
 * returns those paths so the truth drops them. Stateless and thread-safe.
 */
final class Damage {

    /** Values a records clerk blacks out before sending a copy (never the MRN: the chart must stay filed). */
    private static final List<String> REDACTABLE = List.of("patient.phone", ".member_id", ".group", ".lot",
            ".description", ".reason");

    /**
     * Draws one to three black bars: most over a value from {@link #REDACTABLE}, the others over parts of the
     * page with no value (a signature, a note line). Returns the truth paths blacked out.
     */
    static List<String> redact(BufferedImage page, Map<String, Rectangle> boxes, Random random) {
        List<String> candidates = boxes.keySet().stream()
                .filter(p -> REDACTABLE.stream().anyMatch(p::endsWith)).sorted().toList();
        List<String> redacted = new ArrayList<>();
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(8, 8, 8));
        int bars = 1 + random.nextInt(3);
        for (int i = 0; i < bars; i++) {
            if (!candidates.isEmpty() && random.nextInt(3) != 0) {
                String path = candidates.get(random.nextInt(candidates.size()));
                if (!redacted.contains(path)) {
                    Rectangle r = boxes.get(path);
                    g.fillRect(r.x - 4, r.y - 3, r.width + 8 + random.nextInt(20), r.height + 6);
                    redacted.add(path);
                }
            } else {
                Rectangle bar = freeSpot(page, boxes, random);
                if (bar != null) {
                    g.fill(bar);
                }
            }
        }
        g.dispose();
        return redacted;
    }

    private static Rectangle freeSpot(BufferedImage page, Map<String, Rectangle> boxes, Random random) {
        for (int attempt = 0; attempt < 40; attempt++) {
            int w = (int) (page.getWidth() * (0.05 + 0.15 * random.nextDouble()));
            int h = (int) (page.getHeight() * 0.012) + random.nextInt(8);
            Rectangle bar = new Rectangle(random.nextInt(page.getWidth() - w), (int) (page.getHeight()
                    * (0.12 + 0.8 * random.nextDouble())), w, h);
            if (boxes.values().stream().noneMatch(b -> b.intersects(bar))) {
                return bar;
            }
        }
        return null;
    }

    /** A brown ring or blot: the paper under it darkens, blue and green most (ink stays readable). */
    static void stain(BufferedImage rgb, Random random) {
        int w = rgb.getWidth(), h = rgb.getHeight();
        int cx = (int) (w * (0.15 + 0.7 * random.nextDouble())), cy = (int) (h * (0.15 + 0.7 * random.nextDouble()));
        double radius = Math.min(w, h) * (0.05 + 0.1 * random.nextDouble());
        boolean ring = random.nextBoolean();
        int[] p = Optics.pixels(rgb);
        for (int y = Math.max(0, (int) (cy - radius)); y < Math.min(h, cy + radius); y++) {
            for (int x = Math.max(0, (int) (cx - radius)); x < Math.min(w, cx + radius); x++) {
                double d = Math.hypot(x - cx, y - cy) / radius;
                if (d >= 1) {
                    continue;
                }
                double s = ring ? 0.45 * Math.exp(-Math.pow((d - 0.85) / 0.06, 2)) + 0.12 * (1 - d)
                        : 0.38 * Math.pow(1 - d, 0.7);
                int v = p[y * w + x];
                int r = Optics.clamp(((v >> 16) & 255) * (1 - s * 0.35));
                int gr = Optics.clamp(((v >> 8) & 255) * (1 - s * 0.65));
                int b = Optics.clamp((v & 255) * (1 - s * 0.85));
                p[y * w + x] = r << 16 | gr << 8 | b;
            }
        }
    }

    /** A fold: a thin dark line with a lighter ridge beside it, straight across the page at a slight angle. */
    static void crease(BufferedImage rgb, Random random) {
        int w = rgb.getWidth(), h = rgb.getHeight();
        boolean across = random.nextBoolean();
        double at = (across ? h : w) * (0.25 + 0.5 * random.nextDouble());
        double slope = (random.nextDouble() - 0.5) * 0.06;
        int[] p = Optics.pixels(rgb);
        double band = Math.max(3, w / 250.0);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = across ? y - (at + slope * x) : x - (at + slope * y);
                double f;
                if (Math.abs(d) < 1.2) {
                    f = 0.72;
                } else if (d > 0 && d < band * 2) {
                    f = 1.0 + 0.06 * (1 - d / (band * 2));
                } else if (d < 0 && d > -band) {
                    f = 0.93;
                } else {
                    continue;
                }
                int v = p[y * w + x];
                p[y * w + x] = Optics.clamp(((v >> 16) & 255) * f) << 16 | Optics.clamp(((v >> 8) & 255) * f) << 8
                        | Optics.clamp((v & 255) * f);
            }
        }
    }

    /** Two staple holes in the top-left corner, or three punch holes down the left margin. */
    static void holes(BufferedImage rgb, Random random) {
        Graphics2D g = rgb.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int w = rgb.getWidth(), h = rgb.getHeight();
        g.setColor(new Color(25, 25, 25));
        if (random.nextBoolean()) {
            double r = Math.max(4, w / 260.0);
            double x = w * 0.04 + random.nextInt(10), y = h * 0.03 + random.nextInt(10);
            g.fill(new Ellipse2D.Double(x, y, r * 2, r * 2));
            g.fill(new Ellipse2D.Double(x + w * 0.05, y + h * 0.012, r * 2, r * 2));
        } else {
            double r = w / 70.0;
            for (int i = 0; i < 3; i++) {
                g.fill(new Ellipse2D.Double(w * 0.025, h * (0.12 + 0.38 * i), r * 2, r * 2));
            }
        }
        g.dispose();
    }

    private Damage() {
    }
}
