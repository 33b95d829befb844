package org.medrec.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * A grayscale page split into ink and paper by one global threshold (Otsu's, capped so that a faint page
 * does not turn its paper texture into ink), with connected-component analysis on the ink. Not thread-safe;
 * one per page.
 */
final class InkMask {

    /** Ink must be at least this much darker than white for Otsu's threshold to be trusted as is. */
    static final int MAX_THRESHOLD = 160;

    final int width;
    final int height;
    final int threshold;
    /** 1 = ink, 0 = paper; row-major. */
    final byte[] ink;

    private InkMask(int width, int height, int threshold, byte[] ink) {
        this.width = width;
        this.height = height;
        this.threshold = threshold;
        this.ink = ink;
    }

    static InkMask of(BufferedImage gray) {
        byte[] data = pixels(gray);
        int[] histogram = new int[256];
        for (byte b : data) {
            histogram[b & 0xff]++;
        }
        int threshold = Math.min(otsu(histogram), MAX_THRESHOLD);
        byte[] ink = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            ink[i] = (byte) ((data[i] & 0xff) <= threshold ? 1 : 0);
        }
        return new InkMask(gray.getWidth(), gray.getHeight(), threshold, ink);
    }

    /** A copy of a TYPE_BYTE_GRAY image, to paint on without touching the original. */
    static BufferedImage copy(BufferedImage gray) {
        BufferedImage out = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] src = pixels(gray);
        System.arraycopy(src, 0, pixels(out), 0, src.length);
        return out;
    }

    static byte[] pixels(BufferedImage gray) {
        if (gray.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("need a TYPE_BYTE_GRAY image, got type " + gray.getType());
        }
        return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    }

    /** Otsu's threshold: the gray level that maximises the between-class variance; pixels <= it are ink. */
    static int otsu(int[] histogram) {
        long total = 0;
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            total += histogram[i];
            sum += (double) i * histogram[i];
        }
        double sumBackground = 0;
        long weightBackground = 0;
        double best = -1;
        int threshold = 0;
        for (int t = 0; t < 256; t++) {
            weightBackground += histogram[t];
            if (weightBackground == 0) {
                continue;
            }
            long weightForeground = total - weightBackground;
            if (weightForeground == 0) {
                break;
            }
            sumBackground += (double) t * histogram[t];
            double meanBackground = sumBackground / weightBackground;
            double meanForeground = (sum - sumBackground) / weightForeground;
            double between = (double) weightBackground * weightForeground
                    * (meanBackground - meanForeground) * (meanBackground - meanForeground);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }

    double inkRatio() {
        long count = 0;
        for (byte b : ink) {
            count += b;
        }
        return (double) count / ink.length;
    }

    /** The mask as a black-on-white grayscale image. */
    BufferedImage toImage() {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < ink.length; i++) {
            data[i] = (byte) (ink[i] != 0 ? 0 : 255);
        }
        return out;
    }

    /** Connected components of the ink (8-connected), with their areas and bounding boxes. */
    Components components() {
        return Components.label(this);
    }

    /** Connected ink components: label per pixel (0 = paper) and per-component statistics. */
    static final class Components {
        final int[] labels;
        final int count;
        final int[] area;
        final int[] minX;
        final int[] minY;
        final int[] maxX;
        final int[] maxY;

        private Components(int[] labels, int count, int[] area, int[] minX, int[] minY, int[] maxX, int[] maxY) {
            this.labels = labels;
            this.count = count;
            this.area = area;
            this.minX = minX;
            this.minY = minY;
            this.maxX = maxX;
            this.maxY = maxY;
        }

        static Components label(InkMask mask) {
            int w = mask.width;
            int h = mask.height;
            byte[] ink = mask.ink;
            int[] labels = new int[w * h];
            int[] stack = new int[1024];
            int capacity = 1024;
            int[] area = new int[capacity];
            int[] minX = new int[capacity];
            int[] minY = new int[capacity];
            int[] maxX = new int[capacity];
            int[] maxY = new int[capacity];
            int count = 0;
            for (int start = 0; start < ink.length; start++) {
                if (ink[start] == 0 || labels[start] != 0) {
                    continue;
                }
                count++;
                if (count >= capacity) {
                    capacity *= 2;
                    area = java.util.Arrays.copyOf(area, capacity);
                    minX = java.util.Arrays.copyOf(minX, capacity);
                    minY = java.util.Arrays.copyOf(minY, capacity);
                    maxX = java.util.Arrays.copyOf(maxX, capacity);
                    maxY = java.util.Arrays.copyOf(maxY, capacity);
                }
                int label = count;
                minX[label] = Integer.MAX_VALUE;
                minY[label] = Integer.MAX_VALUE;
                maxX[label] = -1;
                maxY[label] = -1;
                int top = 0;
                stack[top++] = start;
                labels[start] = label;
                while (top > 0) {
                    int p = stack[--top];
                    int x = p % w;
                    int y = p / w;
                    area[label]++;
                    if (x < minX[label]) minX[label] = x;
                    if (x > maxX[label]) maxX[label] = x;
                    if (y < minY[label]) minY[label] = y;
                    if (y > maxY[label]) maxY[label] = y;
                    for (int dy = -1; dy <= 1; dy++) {
                        int ny = y + dy;
                        if (ny < 0 || ny >= h) {
                            continue;
                        }
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            if (nx < 0 || nx >= w) {
                                continue;
                            }
                            int q = ny * w + nx;
                            if (ink[q] != 0 && labels[q] == 0) {
                                labels[q] = label;
                                if (top == stack.length) {
                                    stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                                }
                                stack[top++] = q;
                            }
                        }
                    }
                }
            }
            return new Components(labels, count, area, minX, minY, maxX, maxY);
        }

        int width(int label) {
            return maxX[label] - minX[label] + 1;
        }

        int height(int label) {
            return maxY[label] - minY[label] + 1;
        }

        boolean touchesBorder(int label, int w, int h) {
            return minX[label] == 0 || minY[label] == 0 || maxX[label] == w - 1 || maxY[label] == h - 1;
        }
    }
}
