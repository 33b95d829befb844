package org.medrec.samples;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.Random;

/** Deterministic scanner and camera artefacts applied to rendered grayscale pages. */
final class ScanEffects {

    /** A few dust specks and toner dots of 1 to 4 pixels; seeded so the output is reproducible. */
    static BufferedImage specks(BufferedImage page, long seed, int count) {
        Random random = new Random(seed);
        WritableRaster raster = page.getRaster();
        for (int i = 0; i < count; i++) {
            int cx = random.nextInt(page.getWidth());
            int cy = random.nextInt(page.getHeight());
            int size = 1 + random.nextInt(4);
            int shade = 20 + random.nextInt(120);
            for (int dy = 0; dy < size; dy++) {
                for (int dx = 0; dx < size; dx++) {
                    int x = cx + dx;
                    int y = cy + dy;
                    if (x < page.getWidth() && y < page.getHeight() && random.nextInt(4) != 0) {
                        raster.setSample(x, y, 0, shade);
                    }
                }
            }
        }
        return page;
    }

    /** Rotates the page content about its centre, as a sheet fed crooked through a scanner; fills with white. */
    static BufferedImage rotate(BufferedImage page, double degrees) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, AffineTransform.getRotateInstance(Math.toRadians(degrees), page.getWidth() / 2.0,
                page.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }

    /** Exact 180 degree turn (a sheet put on the glass upside down), without interpolation. */
    static BufferedImage upsideDown(BufferedImage page) {
        int w = page.getWidth();
        int h = page.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster src = page.getRaster();
        WritableRaster dst = out.getRaster();
        int[] row = new int[w];
        int[] reversed = new int[w];
        for (int y = 0; y < h; y++) {
            src.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                reversed[w - 1 - x] = row[x];
            }
            dst.setSamples(0, h - 1 - y, w, 1, 0, reversed);
        }
        return out;
    }

    /** Thresholds a grayscale page to a 1-bit image, as a bitonal scanner or fax machine would. */
    static BufferedImage bitonal(BufferedImage page, int threshold) {
        int w = page.getWidth();
        int h = page.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster src = page.getRaster();
        WritableRaster dst = out.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            src.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                row[x] = row[x] >= threshold ? 1 : 0;
            }
            dst.setSamples(0, y, w, 1, 0, row);
        }
        return out;
    }

    /**
     * Phone-photo look: paper is not white but light gray, darker towards one corner (uneven lighting),
     * with slight sensor noise. Ink stays dark.
     */
    static BufferedImage photoLighting(BufferedImage page, long seed) {
        Random random = new Random(seed);
        int w = page.getWidth();
        int h = page.getHeight();
        WritableRaster raster = page.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                double falloff = 0.55 * x / w + 0.45 * y / h;
                double paper = 236 - 34 * falloff;
                double ink = row[x] / 255.0;
                int value = (int) Math.round(30 + (paper - 30) * ink + random.nextGaussian() * 2.0);
                row[x] = Math.max(0, Math.min(255, value));
            }
            raster.setSamples(0, y, w, 1, 0, row);
        }
        return page;
    }

    /** A blank sheet: white with a faint fibre-like gray noise and a very light edge shadow, nothing printed. */
    static BufferedImage faintPaper(BufferedImage page, long seed) {
        Random random = new Random(seed);
        int w = page.getWidth();
        int h = page.getHeight();
        WritableRaster raster = page.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int value = 252;
                if (x < 12) {
                    value = 236 + x;
                }
                if (random.nextInt(500) == 0) {
                    value -= 6 + random.nextInt(14);
                }
                row[x] = value;
            }
            raster.setSamples(0, y, w, 1, 0, row);
        }
        return page;
    }

    private ScanEffects() {
    }
}
