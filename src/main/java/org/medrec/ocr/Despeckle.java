package org.medrec.ocr;

import java.awt.image.BufferedImage;

/**
 * Removes isolated specks: ink components of a few pixels with no other ink nearby (dust, toner dots, fax
 * noise). A period, an i-dot, a colon or a decimal point sits next to other ink and is kept. Stateless,
 * thread-safe.
 */
final class Despeckle {

    private Despeckle() {
    }

    /** Largest speck, in pixels: 6 at 300 dpi (a 10-pt period is about 20). */
    static int maxSpeckArea(int dpi) {
        return Math.max(2, (int) Math.round(6.0 * dpi * dpi / (300.0 * 300.0)));
    }

    /** How far a speck must be from other ink to count as isolated: 1/25 inch (12 px at 300 dpi). */
    static int isolation(int dpi) {
        return Math.max(3, dpi / 25);
    }

    /**
     * Paints isolated specks white in a copy of {@code gray}, and clears them from {@code mask}.
     *
     * @return the number of specks removed; {@code gray} is replaced only in the returned holder
     */
    static Result apply(BufferedImage gray, InkMask mask, InkMask.Components components, int dpi) {
        int maxArea = maxSpeckArea(dpi);
        int radius = isolation(dpi);
        int w = mask.width;
        int h = mask.height;
        int[] labels = components.labels;
        boolean[] remove = new boolean[components.count + 1];
        int removed = 0;
        for (int c = 1; c <= components.count; c++) {
            if (components.area[c] > maxArea) {
                continue;
            }
            int x0 = Math.max(0, components.minX[c] - radius);
            int x1 = Math.min(w - 1, components.maxX[c] + radius);
            int y0 = Math.max(0, components.minY[c] - radius);
            int y1 = Math.min(h - 1, components.maxY[c] + radius);
            boolean isolated = true;
            for (int y = y0; y <= y1 && isolated; y++) {
                int row = y * w;
                for (int x = x0; x <= x1; x++) {
                    int label = labels[row + x];
                    if (label != 0 && label != c) {
                        isolated = false;
                        break;
                    }
                }
            }
            if (isolated) {
                remove[c] = true;
                removed++;
            }
        }
        if (removed == 0) {
            return new Result(gray, 0);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] src = InkMask.pixels(gray);
        byte[] dst = InkMask.pixels(out);
        System.arraycopy(src, 0, dst, 0, src.length);
        for (int c = 1; c <= components.count; c++) {
            if (!remove[c]) {
                continue;
            }
            // the speck's own pixels and the gray fringe around them
            for (int y = Math.max(0, components.minY[c] - 1); y <= Math.min(h - 1, components.maxY[c] + 1); y++) {
                for (int x = Math.max(0, components.minX[c] - 1); x <= Math.min(w - 1, components.maxX[c] + 1); x++) {
                    int i = y * w + x;
                    if (labels[i] == 0 || labels[i] == c) {
                        dst[i] = (byte) 255;
                        mask.ink[i] = 0;
                    }
                }
            }
        }
        return new Result(out, removed);
    }

    record Result(BufferedImage image, int removed) {
    }
}
