package org.medrec.page;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;

/** Conversions to 8-bit grayscale and resampling. Stateless, thread-safe. */
public final class Grayscale {

    private Grayscale() {
    }

    /**
     * The image as TYPE_BYTE_GRAY: returned as is when it already is one; bitonal and palette images through
     * their palette; colour as Rec. 601 luma; transparent parts over white.
     */
    static BufferedImage of(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        if (src.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return src;
        }
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) dst.getRaster().getDataBuffer()).getData();
        if (src.getColorModel() instanceof IndexColorModel icm && !icm.hasAlpha()) {
            byte[] lut = new byte[icm.getMapSize()];
            for (int i = 0; i < lut.length; i++) {
                lut[i] = (byte) luma(icm.getRGB(i));
            }
            WritableRaster raster = src.getRaster();
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    out[o + x] = lut[row[x]];
                }
            }
            return dst;
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            src.getRGB(0, y, w, 1, row, 0, w);
            int o = y * w;
            for (int x = 0; x < w; x++) {
                out[o + x] = (byte) luma(row[x]);
            }
        }
        return dst;
    }

    private static int luma(int argb) {
        int a = argb >>> 24;
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        int y = (299 * r + 587 * g + 114 * b + 500) / 1000;
        return a == 255 ? y : (y * a + 255 * (255 - a) + 127) / 255;
    }

    /** Resamples a grayscale image to the given size (bilinear). */
    public static BufferedImage resize(BufferedImage gray, int width, int height) {
        BufferedImage dst = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = dst.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(gray, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return dst;
    }
}
