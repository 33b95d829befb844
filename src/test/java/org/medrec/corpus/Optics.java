package org.medrec.corpus;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Random;

/**
 * What a scanner, a copier, a fax machine or a phone camera does to a page image (colour, TYPE_INT_RGB):
 * turning, perspective, light, blur, noise, fading, thresholding. Every method is deterministic for its
 * Random. Stateless and thread-safe; the images passed in are changed or replaced.
 */
final class Optics {

    static BufferedImage rgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    static int[] pixels(BufferedImage rgb) {
        return ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    }

    /** Turns the content about the centre; what comes in from outside is {@code fill}. */
    static BufferedImage rotate(BufferedImage page, double degrees, Color fill) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(fill);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, AffineTransform.getRotateInstance(Math.toRadians(degrees), page.getWidth() / 2.0,
                page.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }

    /**
     * A page photographed at an angle: each corner moves inwards by a different share (up to 1.3 {@code fraction})
     * of the page size; the rest of the frame is {@code background} (the desk). Inverse mapping, bilinear sampling.
     */
    static BufferedImage perspective(BufferedImage page, double fraction, Color background, Random random) {
        int w = page.getWidth(), h = page.getHeight();
        double[][] dst = new double[4][];
        double[][] src = {{0, 0}, {w, 0}, {w, h}, {0, h}};
        for (int i = 0; i < 4; i++) {   // each corner inwards, by a different amount: the desk shows all round
            dst[i] = new double[] {src[i][0] + (i == 0 || i == 3 ? 1 : -1) * w * fraction * (0.3 + random.nextDouble()),
                    src[i][1] + (i < 2 ? 1 : -1) * h * fraction * (0.2 + 0.8 * random.nextDouble())};
        }
        double[] m = homography(dst, src);
        return remap(page, background, (x, y, out) -> {
            double d = m[6] * x + m[7] * y + 1;
            out[0] = (m[0] * x + m[1] * y + m[2]) / d;
            out[1] = (m[3] * x + m[4] * y + m[5]) / d;
        });
    }

    /** Rumpled paper: each pixel displaced by a few pixels along slow waves. */
    static BufferedImage crinkle(BufferedImage page, double amplitude, Random random) {
        double fx = (0.5 + 1.5 * random.nextDouble()) * 6 * Math.PI / page.getWidth();
        double fy = (0.5 + 1.5 * random.nextDouble()) * 6 * Math.PI / page.getHeight();
        double phase = random.nextDouble() * 2 * Math.PI;
        return remap(page, Color.WHITE, (x, y, out) -> {
            out[0] = x + amplitude * Math.sin(y * fy + phase);
            out[1] = y + amplitude * Math.cos(x * fx + phase);
        });
    }

    interface Mapping {
        void source(double x, double y, double[] out);
    }

    private static BufferedImage remap(BufferedImage page, Color background, Mapping mapping) {
        int w = page.getWidth(), h = page.getHeight();
        int[] in = pixels(rgb(page));
        BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] out = pixels(result);
        int bg = background.getRGB();
        double[] s = new double[2];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                mapping.source(x + 0.5, y + 0.5, s);
                double u = s[0] - 0.5, v = s[1] - 0.5;
                int x0 = (int) Math.floor(u), y0 = (int) Math.floor(v);
                if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
                    out[y * w + x] = bg;
                    continue;
                }
                double fx = u - x0, fy = v - y0;
                int a = in[y0 * w + x0], b = in[y0 * w + x0 + 1], c = in[(y0 + 1) * w + x0], d = in[(y0 + 1) * w + x0 + 1];
                int rgb = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    double top = ((a >> shift) & 255) * (1 - fx) + ((b >> shift) & 255) * fx;
                    double bottom = ((c >> shift) & 255) * (1 - fx) + ((d >> shift) & 255) * fx;
                    rgb |= ((int) Math.round(top * (1 - fy) + bottom * fy)) << shift;
                }
                out[y * w + x] = rgb;
            }
        }
        return result;
    }

    /** The 3x3 projective map taking the four points {@code from} onto {@code to} (m[8] = 1). */
    static double[] homography(double[][] from, double[][] to) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[i][0], y = from[i][1], u = to[i][0], v = to[i][1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        for (int col = 0; col < 8; col++) {
            int pivot = col;
            for (int r = col + 1; r < 8; r++) {
                pivot = Math.abs(a[r][col]) > Math.abs(a[pivot][col]) ? r : pivot;
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < 8; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c < 9; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] m = new double[8];
        for (int i = 0; i < 8; i++) {
            m[i] = a[i][8] / a[i][i];
        }
        return m;
    }

    /** Light falling across the page: brighter towards one side, darker towards the other (± strength). */
    static void lighting(BufferedImage rgb, double strength, Random random) {
        double angle = random.nextDouble() * 2 * Math.PI, cx = Math.cos(angle), cy = Math.sin(angle);
        int w = rgb.getWidth(), h = rgb.getHeight();
        scale(rgb, (x, y) -> {
            double t = (cx * x / w + cy * y / h + 2) / 4;
            return 1 - strength + 2 * strength * t;
        });
    }

    /** A shadow creeping in from one edge (a hand or the phone), {@code depth} at the edge. */
    static void shadow(BufferedImage rgb, double depth, Random random) {
        int side = random.nextInt(4), w = rgb.getWidth(), h = rgb.getHeight();
        scale(rgb, (x, y) -> {
            double t = switch (side) {
                case 0 -> x / (double) w;
                case 1 -> 1 - x / (double) w;
                case 2 -> y / (double) h;
                default -> 1 - y / (double) h;
            };
            return 1 - depth * Math.max(0, 1 - t * 2.5);
        });
    }

    interface Factor {
        double at(int x, int y);
    }

    private static void scale(BufferedImage rgb, Factor factor) {
        int[] p = pixels(rgb);
        int w = rgb.getWidth();
        for (int i = 0; i < p.length; i++) {
            double f = factor.at(i % w, i / w);
            int v = p[i], out = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                out |= clamp(((v >> shift) & 255) * f) << shift;
            }
            p[i] = out;
        }
    }

    /** Sensor or scanner noise: the same Gaussian offset on the three channels of a pixel. */
    static void noise(BufferedImage rgb, double sigma, Random random) {
        int[] p = pixels(rgb);
        for (int i = 0; i < p.length; i++) {
            double n = random.nextGaussian() * sigma;
            int v = p[i], out = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                out |= clamp(((v >> shift) & 255) + n) << shift;
            }
            p[i] = out;
        }
    }

    /** Toner worn or a copy of a copy: black comes out as {@code blackPoint}, white as {@code whitePoint}. */
    static void fade(BufferedImage rgb, int blackPoint, int whitePoint) {
        int[] p = pixels(rgb);
        double k = (whitePoint - blackPoint) / 255.0;
        for (int i = 0; i < p.length; i++) {
            int v = p[i], out = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                out |= clamp(blackPoint + ((v >> shift) & 255) * k) << shift;
            }
            p[i] = out;
        }
    }

    /** Out of focus or a soft scanner lens: a Gaussian blur of the given sigma in pixels (two 1-D passes). */
    static BufferedImage blur(BufferedImage rgb, double sigma) {
        int r = (int) Math.ceil(sigma * 2.5);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        int w = rgb.getWidth(), h = rgb.getHeight();
        int[] in = pixels(rgb(rgb));
        int[] across = new int[in.length];
        pass(in, across, w, h, k, 1, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        pass(across, pixels(out), h, w, k, w, 1);
        return out;
    }

    /** One blur pass along lines of {@code length} pixels {@code step} apart; lines start {@code stride} apart. */
    private static void pass(int[] in, int[] out, int length, int lines, double[] k, int step, int stride) {
        int r = k.length / 2;
        for (int line = 0; line < lines; line++) {
            int base = line * stride;
            for (int i = 0; i < length; i++) {
                double red = 0, green = 0, blue = 0;
                for (int t = -r; t <= r; t++) {
                    int j = Math.min(length - 1, Math.max(0, i + t));
                    int v = in[base + j * step];
                    red += ((v >> 16) & 255) * k[t + r];
                    green += ((v >> 8) & 255) * k[t + r];
                    blue += (v & 255) * k[t + r];
                }
                out[base + i * step] = clamp(red) << 16 | clamp(green) << 8 | clamp(blue);
            }
        }
    }

    /** Dust, toner dots and paper fibres: {@code count} specks of 1 to 4 pixels. */
    static void specks(BufferedImage rgb, int count, Random random) {
        int[] p = pixels(rgb);
        int w = rgb.getWidth(), h = rgb.getHeight();
        for (int i = 0; i < count; i++) {
            int cx = random.nextInt(w), cy = random.nextInt(h), size = 1 + random.nextInt(4);
            int shade = 20 + random.nextInt(120);
            int gray = shade << 16 | shade << 8 | shade;
            for (int dy = 0; dy < size && cy + dy < h; dy++) {
                for (int dx = 0; dx < size && cx + dx < w; dx++) {
                    if (random.nextInt(4) != 0) {
                        p[(cy + dy) * w + cx + dx] = gray;
                    }
                }
            }
        }
    }

    static int luminance(int rgb) {
        return (int) Math.round(0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255));
    }

    /** A grayscale copy (what a scanner set to gray writes). */
    static BufferedImage gray(BufferedImage rgb) {
        BufferedImage out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        int[] p = pixels(rgb(rgb));
        byte[] g = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < p.length; i++) {
            g[i] = (byte) luminance(p[i]);
        }
        return out;
    }

    static int clamp(double v) {
        return v < 0 ? 0 : v > 255 ? 255 : (int) Math.round(v);
    }

    private Optics() {
    }
}
