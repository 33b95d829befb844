package org.medrec.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds dot leaders, the rows of dots a form prints between a label and its value
 * ({@code Birthdate .........: September 13, 1964}), and paints them out of the image handed to Tesseract,
 * which otherwise reads them, and often the label before them, as junk words.
 *
 * <p>A leader is a run of at least {@value #MIN_DOTS} ink dots on one baseline: small (under
 * {@value #MAX_DOT_SIZE} of the page's text height), roughly square and solid, about the same size, at an even
 * pitch, with no other ink between two neighbours. A period in text ("P.C.", "No.", "12.50", "U.S.") is
 * alone or has letters between it and the next one, an ellipsis has three dots, and a colon's lower dot has
 * its upper dot above it (so has an i-dot its stem below it): all of them stay.
 *
 * <p>A row of dashes ({@code -----}, a dashed rule) is not a leader, and is left alone.
 *
 * <p>Works on the connected components the preprocessor has already labelled, so it costs one pass over the
 * components and a few small pixel windows per dot: 1 to 8 ms for a 300-dpi page with ten leaders, most of it
 * copying the image. Stateless, thread-safe.
 */
final class DotLeaders {

    /** Fewest dots in a leader: "..." is an ellipsis, "...." a leader. */
    static final int MIN_DOTS = 4;
    /** A dot is at most this share of the text height, in width and in height. */
    static final double MAX_DOT_SIZE = 0.4;
    /** Neighbouring dots are at most this many text heights apart (". . . ." in a monospace font: about 2). */
    private static final double MAX_PITCH = 2.5;
    /** A pitch this much off the run's median breaks the run (a missing dot doubles it). */
    private static final double PITCH_TOLERANCE = 0.25;
    /** Steepest baseline followed from dot to dot: the page is not deskewed yet (5 degrees is 0.09). */
    private static final double MAX_SLOPE = 0.09;

    private DotLeaders() {
    }

    /**
     * A dot leader.
     *
     * @param dots the component labels of its dots, left to right
     * @param box  the box around them, in pixels of the analysed image
     */
    record Run(int[] dots, Rectangle box) {

        Run {
            dots = dots.clone();
            box = new Rectangle(box);
        }

        @Override
        public int[] dots() {
            return dots.clone();
        }

        @Override
        public Rectangle box() {
            return new Rectangle(box);
        }
    }

    /** The leaders on a page, top to bottom as found. */
    static List<Run> find(InkMask mask, InkMask.Components components, int dpi) {
        int textHeight = textHeight(components, dpi);
        int[] candidates = candidates(mask, components, dpi, textHeight);
        if (candidates.length < MIN_DOTS) {
            return List.of();
        }
        int n = candidates.length;
        int[] next = new int[n];
        int[] prev = new int[n];
        Arrays.fill(next, -1);
        Arrays.fill(prev, -1);
        double maxPitch = MAX_PITCH * textHeight;
        for (int i = 0; i < n; i++) {
            int a = candidates[i];
            double ax = centreX(components, a);
            double best = Double.MAX_VALUE;
            for (int j = i + 1; j < n; j++) {
                int b = candidates[j];
                double dx = centreX(components, b) - ax;
                if (dx > maxPitch) {
                    break;
                }
                if (dx < best && neighbours(components, a, b, dx) && nothingBetween(mask, components, a, b)) {
                    best = dx;
                    next[i] = j;
                }
            }
            if (next[i] >= 0) {
                int j = next[i];
                if (prev[j] < 0) {
                    prev[j] = i;
                } else if (centreX(components, candidates[prev[j]]) < ax) {
                    next[prev[j]] = -1; // the nearer left neighbour wins
                    prev[j] = i;
                } else {
                    next[i] = -1;
                }
            }
        }
        List<Run> runs = new ArrayList<>();
        for (int head = 0; head < n; head++) {
            if (prev[head] >= 0 || next[head] < 0) {
                continue;
            }
            List<Integer> chain = new ArrayList<>();
            for (int k = head; k >= 0; k = next[k]) {
                chain.add(candidates[k]);
            }
            splitAtUnevenPitch(components, chain, runs);
        }
        return runs;
    }

    /**
     * Paints the leaders' dots, and the gray fringe around them, white in a copy of {@code gray} (as
     * {@link Despeckle} does: the paper's own gray read no better on the dev corpus); their pixels are cleared
     * from {@code mask}. {@code gray} itself is not modified.
     */
    static BufferedImage erase(BufferedImage gray, InkMask mask, InkMask.Components components, List<Run> runs) {
        if (runs.isEmpty()) {
            return gray;
        }
        int w = mask.width;
        int h = mask.height;
        BufferedImage out = InkMask.copy(gray);
        byte[] dst = InkMask.pixels(out);
        int[] labels = components.labels;
        for (Run run : runs) {
            for (int c : run.dots) {
                int margin = 1 + Math.max(components.width(c), components.height(c)) / 3;
                int x0 = Math.max(0, components.minX[c] - margin);
                int x1 = Math.min(w - 1, components.maxX[c] + margin);
                int y0 = Math.max(0, components.minY[c] - margin);
                int y1 = Math.min(h - 1, components.maxY[c] + margin);
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        int i = y * w + x;
                        if (labels[i] == c || labels[i] == 0) {
                            dst[i] = (byte) 255;
                            mask.ink[i] = 0;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The number of dots in the runs. */
    static int dotCount(List<Run> runs) {
        return runs.stream().mapToInt(r -> r.dots.length).sum();
    }

    /**
     * The median height of character-sized components: cap height and x-height mixed, which is what "much
     * smaller than the text" is measured against. A tenth of an inch (10-12 pt capitals) when the page has
     * too few characters to tell.
     */
    static int textHeight(InkMask.Components components, int dpi) {
        int[] heights = new int[components.count];
        int k = 0;
        for (int c = 1; c <= components.count; c++) {
            int height = components.height(c);
            int width = components.width(c);
            if (height >= dpi / 30 && height <= dpi / 3 && width <= dpi / 2 && width >= dpi / 150) {
                heights[k++] = height;
            }
        }
        if (k < 20) {
            return Math.max(8, dpi / 10);
        }
        Arrays.sort(heights, 0, k);
        return heights[k / 2];
    }

    /** Dot-shaped components, not part of a colon or an i, sorted by centre x. */
    private static int[] candidates(InkMask mask, InkMask.Components components, int dpi, int textHeight) {
        int maxSize = Math.max(2, (int) (MAX_DOT_SIZE * textHeight));
        int minArea = Despeckle.maxSpeckArea(dpi);
        List<Integer> dots = new ArrayList<>();
        for (int c = 1; c <= components.count; c++) {
            int width = components.width(c);
            int height = components.height(c);
            if (width > maxSize || height > maxSize || components.area[c] <= minArea) {
                continue;
            }
            boolean roundish = Math.max(width, height) <= 2 * Math.min(width, height) + 1;
            boolean solid = components.area[c] * 2 >= width * height;
            if (roundish && solid && !inkAbove(mask, components, c, textHeight)
                    && !inkBelow(mask, components, c, textHeight)) {
                dots.add(c);
            }
        }
        return dots.stream().sorted((a, b) -> Double.compare(centreX(components, a), centreX(components, b)))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Ink over the dot within most of a text height: a colon's upper dot, the rest of a "!" or "?". */
    private static boolean inkAbove(InkMask mask, InkMask.Components components, int c, int textHeight) {
        int y0 = Math.max(0, components.minY[c] - (int) Math.round(0.8 * textHeight));
        return otherInk(mask, components, c, components.minX[c], y0, components.maxX[c], components.minY[c] - 1);
    }

    /** Ink just under the dot: the stem of an i or j. */
    private static boolean inkBelow(InkMask mask, InkMask.Components components, int c, int textHeight) {
        int y1 = Math.min(mask.height - 1, components.maxY[c] + Math.max(2, (int) Math.round(0.3 * textHeight)));
        return otherInk(mask, components, c, components.minX[c], components.maxY[c] + 1, components.maxX[c], y1);
    }

    /** Whether a window holds ink of a component other than {@code c} that is at least half its size. */
    private static boolean otherInk(InkMask mask, InkMask.Components components, int c, int x0, int y0, int x1,
                                    int y1) {
        int[] labels = components.labels;
        int minArea = Math.max(1, components.area[c] / 2);
        for (int y = Math.max(0, y0); y <= Math.min(mask.height - 1, y1); y++) {
            int row = y * mask.width;
            for (int x = Math.max(0, x0); x <= Math.min(mask.width - 1, x1); x++) {
                int label = labels[row + x];
                if (label != 0 && label != c && components.area[label] >= minArea) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Next to each other on one baseline, apart, and about the same size. */
    private static boolean neighbours(InkMask.Components components, int a, int b, double dx) {
        int size = Math.max(Math.max(components.width(a), components.height(a)),
                Math.max(components.width(b), components.height(b)));
        if (components.minX[b] <= components.maxX[a] || dx < 1.5 * size) {
            return false;
        }
        double dy = Math.abs(centreY(components, b) - centreY(components, a));
        if (dy > Math.max(2.0, 0.6 * size) + MAX_SLOPE * dx) { // typewriters print a little up and down
            return false;
        }
        int small = Math.min(components.area[a], components.area[b]);
        int large = Math.max(components.area[a], components.area[b]);
        return large <= 3 * small + 2;
    }

    /**
     * No ink between two dots, from their bottom to a dot height over their top, but specks and other dots: a
     * letter between two periods ("P.C.", "U.S.") is at least twice a dot's size.
     */
    private static boolean nothingBetween(InkMask mask, InkMask.Components components, int a, int b) {
        int[] labels = components.labels;
        int top = Math.min(components.minY[a], components.minY[b]);
        int bottom = Math.max(components.maxY[a], components.maxY[b]);
        int dot = Math.max(bottom - top + 1, Math.max(components.width(a), components.width(b)));
        top = Math.max(0, top - dot);
        for (int y = top; y <= bottom; y++) {
            int row = y * mask.width;
            for (int x = components.maxX[a] + 1; x < components.minX[b]; x++) {
                int label = labels[row + x];
                if (label != 0 && Math.max(components.width(label), components.height(label)) > 2 * dot) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Adds the parts of a chain that are at least {@value #MIN_DOTS} dots at an even pitch. A chain of dashes (a
     * dashed rule, {@code -----}) is not a leader: its marks are much wider than high.
     */
    private static void splitAtUnevenPitch(InkMask.Components components, List<Integer> chain, List<Run> runs) {
        if (chain.size() < MIN_DOTS || median(components, chain, true) > 1.4 * median(components, chain, false)) {
            return;
        }
        double[] pitches = new double[chain.size() - 1];
        for (int i = 0; i < pitches.length; i++) {
            pitches[i] = centreX(components, chain.get(i + 1)) - centreX(components, chain.get(i));
        }
        double[] sorted = pitches.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        int start = 0;
        for (int i = 0; i <= pitches.length; i++) {
            boolean even = i < pitches.length && Math.abs(pitches[i] - median) <= PITCH_TOLERANCE * median;
            if (!even) {
                if (i + 1 - start >= MIN_DOTS) {
                    runs.add(run(components, chain.subList(start, i + 1)));
                }
                start = i + 1;
            }
        }
    }

    /** The median width (or height) of the chain's marks. */
    private static int median(InkMask.Components components, List<Integer> chain, boolean widths) {
        int[] sizes = chain.stream().mapToInt(c -> widths ? components.width(c) : components.height(c)).sorted()
                .toArray();
        return sizes[sizes.length / 2];
    }

    private static Run run(InkMask.Components components, List<Integer> dots) {
        Rectangle box = null;
        for (int c : dots) {
            Rectangle dot = new Rectangle(components.minX[c], components.minY[c], components.width(c),
                    components.height(c));
            box = box == null ? dot : box.union(dot);
        }
        return new Run(dots.stream().mapToInt(Integer::intValue).toArray(), box);
    }

    private static double centreX(InkMask.Components components, int c) {
        return (components.minX[c] + components.maxX[c]) / 2.0;
    }

    private static double centreY(InkMask.Components components, int c) {
        return (components.minY[c] + components.maxY[c]) / 2.0;
    }
}
