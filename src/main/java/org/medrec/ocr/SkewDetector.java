package org.medrec.ocr;

/**
 * Estimates the skew of a page by a projection-profile search: the bottom edges of character-sized ink
 * components are projected onto the vertical axis along lines of slope tan(angle), and the angle whose
 * profile is sharpest (largest sum of squared bin counts) wins. Coarse steps of 0.2 degrees over the range,
 * then 0.02 degrees around the best. Stateless, thread-safe.
 *
 * <p>Only character-sized components count: one long straight line outweighs many text lines in the sum of
 * squares, and the long lines on a scan are not always turned with the text (a fax machine's streaks and
 * header, the scanner's edge shadow are straight while the sheet is crooked). Specks are left out too.
 *
 * <p>Sign: positive means the content is turned clockwise on screen (text lines fall to the right), the
 * direction {@code AffineTransform.getRotateInstance} turns for a positive angle when y points down.
 */
final class SkewDetector {

    /**
     * Rows per profile bin. Two, not one: a fax stretched from 98 to 204 dpi has all its ink edges on every
     * other row, which makes the unrotated profile look sharpest at one-row bins whatever the true skew.
     */
    private static final int BIN = 2;

    /** At most this many edge points are projected; denser pages are sampled evenly. */
    private static final int MAX_POINTS = 150_000;

    private SkewDetector() {
    }

    /** The skew in degrees within ±{@code maxDegrees}, or 0 when the page has too little ink to tell. */
    static double estimate(InkMask mask, InkMask.Components components, int dpi, double maxDegrees) {
        int w = mask.width;
        int h = mask.height;
        byte[] ink = mask.ink;
        int[] labels = components.labels;
        boolean[] character = new boolean[components.count + 1];
        int minArea = Math.max(3, dpi * dpi / 20_000);  // 4 px at 300 dpi
        for (int c = 1; c <= components.count; c++) {
            character[c] = components.area[c] >= minArea && components.width(c) <= dpi
                    && components.height(c) <= dpi / 2 && components.height(c) >= dpi / 100;
        }
        int edges = 0;
        for (int y = 0; y < h - 1; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (ink[row + x] != 0 && ink[row + w + x] == 0 && character[labels[row + x]]) {
                    edges++;
                }
            }
        }
        if (edges < 200) {
            return 0.0;
        }
        int step = Math.max(1, edges / MAX_POINTS);
        int n = edges / step + 1;
        float[] xs = new float[n];
        float[] ys = new float[n];
        int k = 0;
        int seen = 0;
        for (int y = 0; y < h - 1; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (ink[row + x] != 0 && ink[row + w + x] == 0 && character[labels[row + x]]
                        && seen++ % step == 0 && k < n) {
                    xs[k] = x - w / 2f;
                    ys[k] = y;
                    k++;
                }
            }
        }
        int margin = (int) Math.ceil(w / 2.0 * Math.tan(Math.toRadians(maxDegrees))) + 2;
        int[] bins = new int[(h + 2 * margin) / BIN + 2];
        double best = 0.0;
        double bestScore = -1;
        for (double a = -maxDegrees; a <= maxDegrees + 1e-9; a += 0.2) {
            double score = score(xs, ys, k, a, bins, margin);
            if (score > bestScore) {
                bestScore = score;
                best = a;
            }
        }
        double coarse = best;
        for (double a = coarse - 0.2; a <= coarse + 0.2 + 1e-9; a += 0.02) {
            if (Math.abs(a) > maxDegrees) {
                continue;
            }
            double score = score(xs, ys, k, a, bins, margin);
            if (score > bestScore) {
                bestScore = score;
                best = a;
            }
        }
        return Math.round(best * 100) / 100.0;
    }

    private static double score(float[] xs, float[] ys, int n, double degrees, int[] bins, int margin) {
        java.util.Arrays.fill(bins, 0);
        // content turned clockwise by a: a horizontal line becomes y = y0 + x tan(a); undo that
        float slope = (float) Math.tan(Math.toRadians(degrees));
        for (int i = 0; i < n; i++) {
            int bin = (Math.round(ys[i] - xs[i] * slope) + margin) / BIN;
            if (bin >= 0 && bin < bins.length) {
                bins[bin]++;
            }
        }
        double sum = 0;
        for (int b : bins) {
            sum += (double) b * b;
        }
        return sum;
    }
}
