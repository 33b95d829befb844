package org.medrec.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds printed checkboxes and whether they are ticked. A checkbox is an ink component with a square outline
 * {@value #MIN_SIDE} to {@value #MAX_SIDE} times the page's median character height (the dev corpus prints them
 * at 1.28 to 2.25 times; the O's and D's of its fax pages that pass for squares are at most 1.17), each side
 * one straight line along at least {@value #MIN_EDGE_COVERAGE} of it, and a thin stroke. It is checked when ink
 * inside it, an X or a tick, touching the outline or not, covers at least {@value #CHECKED_FILL} of the inside
 * (0.46 to 0.63 for the ticked boxes of the dev corpus, 0 for the empty ones).
 *
 * <p>Letters are not boxes: an O, a D, the bowl of a b bulge out along a side and come back, where a box's
 * side, seen from outside, is one line (or a line stepping one way, on a turned page); a "#" goes on past its
 * corners; table cells are far larger. A box whose outline lost a side on a poor scan is not found.
 *
 * <p>This runs before deskew: an edge is followed through a band of rows (columns) as wide as the page's skew
 * makes it drift over the box, so a box on a turned page keeps its straight sides.
 *
 * <p>Stateless, thread-safe.
 */
final class CheckboxFinder {

    /** Share of the inside covered by ink from which a box counts as checked. */
    static final double CHECKED_FILL = 0.06;
    /** Each side must be one straight line of ink along at least this share of the box. */
    static final double MIN_EDGE_COVERAGE = 0.9;
    /** Sides of the box, in text heights ({@link DotLeaders#textHeight}). */
    static final double MIN_SIDE = 1.2;
    static final double MAX_SIDE = 2.5;

    private CheckboxFinder() {
    }

    /**
     * A checkbox in the pixels of the analysed image.
     *
     * @param label      its outline's component
     * @param box        the outline's outer box
     * @param stroke     the outline's thickness
     * @param fill       share of the inside covered by ink
     * @param checked    fill at least {@link #CHECKED_FILL}
     * @param confidence 0..1
     */
    record Found(int label, Rectangle box, int stroke, double fill, boolean checked, double confidence) {

        Found {
            box = new Rectangle(box);
        }

        @Override
        public Rectangle box() {
            return new Rectangle(box);
        }
    }

    /** The checkboxes on a page, in component order (top to bottom by their first pixel). */
    static List<Found> find(InkMask mask, InkMask.Components components, int dpi, double skewDegrees) {
        double drift = Math.tan(Math.toRadians(Math.abs(skewDegrees)));
        int textHeight = DotLeaders.textHeight(components, dpi);
        int minSide = Math.max(6, (int) Math.ceil(MIN_SIDE * textHeight));
        int maxSide = (int) Math.round(MAX_SIDE * textHeight);
        int maxSpeck = Despeckle.maxSpeckArea(dpi);
        List<Found> found = new ArrayList<>();
        for (int c = 1; c <= components.count; c++) {
            int w = components.width(c);
            int h = components.height(c);
            // a hand-drawn X may stick out of the box: allow the component to be larger than the square
            if (w < minSide || h < minSide || w > 1.6 * maxSide || h > 1.6 * maxSide
                    || components.area[c] < 2 * minSide) {
                continue;
            }
            int slack = (int) Math.ceil(Math.max(w, h) * drift);
            Found box = square(mask, components, c, minSide, maxSide, maxSpeck, slack);
            if (box != null) {
                found.add(box);
            }
        }
        return found;
    }

    /**
     * Paints the checkboxes (outline, the mark inside and what sticks out of it) white in a copy of {@code gray},
     * so that the label beside each reads as a word of its own; {@code gray} is not modified. Their ink is
     * cleared from {@code mask}.
     */
    static BufferedImage erase(BufferedImage gray, InkMask mask, InkMask.Components components, List<Found> boxes) {
        if (boxes.isEmpty()) {
            return gray;
        }
        int w = mask.width;
        int h = mask.height;
        BufferedImage out = InkMask.copy(gray);
        byte[] dst = InkMask.pixels(out);
        int[] labels = components.labels;
        for (Found box : boxes) {
            int c = box.label();
            Rectangle r = box.box();
            int margin = Math.max(1, box.stroke() / 2);
            int x0 = Math.max(0, Math.min(r.x, components.minX[c]) - margin);
            int y0 = Math.max(0, Math.min(r.y, components.minY[c]) - margin);
            int x1 = Math.min(w - 1, Math.max(r.x + r.width - 1, components.maxX[c]) + margin);
            int y1 = Math.min(h - 1, Math.max(r.y + r.height - 1, components.maxY[c]) + margin);
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    int i = y * w + x;
                    boolean inside = r.contains(x, y);
                    // the outline's component wherever it goes; inside the box, any ink (a separate mark)
                    if (labels[i] == c || inside || (labels[i] == 0 && near(labels, w, h, x, y, c))) {
                        dst[i] = (byte) 255;
                        mask.ink[i] = 0;
                    }
                }
            }
        }
        return out;
    }

    private static Found square(InkMask mask, InkMask.Components components, int c, int minSide, int maxSide,
                                int maxSpeck, int slack) {
        int x0 = components.minX[c];
        int y0 = components.minY[c];
        int w = components.width(c);
        int h = components.height(c);
        boolean[] on = new boolean[w * h];
        int[] labels = components.labels;
        for (int y = 0; y < h; y++) {
            int row = (y0 + y) * mask.width + x0;
            for (int x = 0; x < w; x++) {
                on[y * w + x] = labels[row + x] == c;
            }
        }
        int minRun = (int) Math.round(Math.max(0.8 * minSide, 0.6 * Math.min(w, h)));
        Edges rows = edges(on, w, h, true, minRun, slack);
        Edges cols = edges(on, w, h, false, minRun, slack);
        if (rows == null || cols == null) {
            return null;
        }
        // a band starting above an edge reaches it: the edge's outer line is the band's last
        int top = Math.min(rows.firstEnd, rows.firstStart + slack);
        int bottom = rows.lastEnd;
        int left = Math.min(cols.firstEnd, cols.firstStart + slack);
        int right = cols.lastEnd;
        int side = right - left + 1;
        int height = bottom - top + 1;
        if (side < minSide || height < minSide || side > maxSide || height > maxSide
                || Math.abs(side - height) > 0.25 * Math.max(side, height)) {
            return null;
        }
        int stroke = Math.max(1, Math.max(Math.max(rows.firstEnd - rows.firstStart, rows.lastEnd - rows.lastStart),
                Math.max(cols.firstEnd - cols.firstStart, cols.lastEnd - cols.lastStart)) + 1 - slack);
        if (stroke * 5 > Math.min(side, height)) {
            return null; // a bold letter or a blot, not an outline
        }
        double coverage = Math.min(
                Math.min(coverage(on, w, h, true, rows.firstStart, rows.firstEnd, left, right, slack),
                        coverage(on, w, h, true, rows.lastStart, rows.lastEnd, left, right, slack)),
                Math.min(coverage(on, w, h, false, cols.firstStart, cols.firstEnd, top, bottom, slack),
                        coverage(on, w, h, false, cols.lastStart, cols.lastEnd, top, bottom, slack)));
        if (coverage < MIN_EDGE_COVERAGE) {
            return null;
        }
        // the inside: clear of the outline by its thickness, and by its drift on a turned page
        int pad = stroke + 1 + slack;
        int ix0 = x0 + left + pad;
        int ix1 = x0 + right - pad;
        int iy0 = y0 + top + pad;
        int iy1 = y0 + bottom - pad;
        if (ix1 < ix0 || iy1 < iy0) {
            return null;
        }
        int ink = 0;
        for (int y = iy0; y <= iy1; y++) {
            int row = y * mask.width;
            for (int x = ix0; x <= ix1; x++) {
                int label = labels[row + x];
                if (label != 0 && (label == c || components.area[label] > maxSpeck)) {
                    ink++;
                }
            }
        }
        double fill = (double) ink / ((ix1 - ix0 + 1) * (iy1 - iy0 + 1));
        boolean checked = fill >= CHECKED_FILL;
        if (!checked && !straightSides(on, w, h, left, top, right, bottom, slack)) {
            return null; // an O or a D
        }
        if (!checked && inkOutside(on, w, h, left, top, right, bottom, stroke) > side + height) {
            return null; // a "#" or a piece of a grid: the lines go on past the corners, and nothing marks it
        }
        double clarity = checked ? Math.min(1.0, (fill - CHECKED_FILL) / CHECKED_FILL)
                : (CHECKED_FILL - fill) / CHECKED_FILL;
        double squareness = 1.0 - (double) Math.abs(side - height) / Math.max(side, height);
        double outline = (coverage - MIN_EDGE_COVERAGE) / (1.0 - MIN_EDGE_COVERAGE);
        double confidence = (0.5 + 0.5 * clarity) * (0.8 + 0.2 * Math.min(outline, squareness));
        Rectangle box = new Rectangle(x0 + left, y0 + top, side, height);
        return new Found(c, box, stroke, fill, checked, Math.max(0.0, Math.min(1.0, confidence)));
    }

    /**
     * Whether the outline's four sides are straight seen from outside: along each side, the outermost ink moves
     * one way only, by at most the drift of a turned page (plus a step of two pixels: a fax doubles its rows).
     * The sides of an O or a D, even where a band of lines found a straight-enough stretch, bulge out and come
     * back: they move both ways.
     */
    private static boolean straightSides(boolean[] on, int w, int h, int left, int top, int right, int bottom,
                                         int slack) {
        int corner = slack + 1; // the corners themselves may be a pixel short
        return straight(on, w, top + corner, bottom - corner, 0, right, true, slack)
                && straight(on, w, top + corner, bottom - corner, w - 1, left, true, slack)
                && straight(on, w, left + corner, right - corner, 0, bottom, false, slack)
                && straight(on, w, left + corner, right - corner, h - 1, top, false, slack);
    }

    /**
     * Across lines {@code from..to} (rows when {@code rows}, else columns), the first ink met going from
     * {@code start} towards {@code end}: false when it moves both ways by two pixels or more, or one way by more
     * than {@code slack + 2}.
     */
    private static boolean straight(boolean[] on, int w, int from, int to, int start, int end, boolean rows,
                                    int slack) {
        int step = end >= start ? 1 : -1;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        int rise = 0;
        int drop = 0;
        for (int i = from; i <= to; i++) {
            int found = end;
            for (int j = start; j != end + step; j += step) {
                if (rows ? on[i * w + j] : on[j * w + i]) {
                    found = j;
                    break;
                }
            }
            if (i > from) {
                rise = Math.max(rise, found - min);
                drop = Math.max(drop, max - found);
            }
            min = Math.min(min, found);
            max = Math.max(max, found);
        }
        return Math.min(rise, drop) < 2 && Math.max(rise, drop) <= slack + 2;
    }

    /** Pixels of the component more than a stroke outside the box (an X drawn past it, or lines going on). */
    private static int inkOutside(boolean[] on, int w, int h, int left, int top, int right, int bottom, int stroke) {
        int count = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (on[y * w + x] && (x < left - stroke || x > right + stroke || y < top - stroke
                        || y > bottom + stroke)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The first and last group of long straight lines along rows (or columns) of the component. */
    private record Edges(int firstStart, int firstEnd, int lastStart, int lastEnd) {
    }

    private static Edges edges(boolean[] on, int w, int h, boolean alongRows, int minRun, int slack) {
        int lines = alongRows ? h : w;
        int length = alongRows ? w : h;
        int firstStart = -1;
        int firstEnd = -1;
        int lastStart = -1;
        int lastEnd = -1;
        int groups = 0;
        boolean inGroup = false;
        for (int i = 0; i < lines; i++) {
            boolean longRun = longestRun(on, w, h, alongRows, i, slack, 0, length - 1) >= minRun;
            if (longRun && !inGroup) {
                groups++;
                if (groups == 1) {
                    firstStart = i;
                }
                lastStart = i;
                inGroup = true;
            }
            if (longRun) {
                if (groups == 1) {
                    firstEnd = i;
                }
                lastEnd = i;
            } else {
                inGroup = false;
            }
        }
        return groups >= 2 ? new Edges(firstStart, firstEnd, lastStart, lastEnd) : null;
    }

    /** The longest run of ink in the band of lines {@code i..i+slack}, between {@code from} and {@code to}. */
    private static int longestRun(boolean[] on, int w, int h, boolean alongRows, int i, int slack, int from, int to) {
        int lines = alongRows ? h : w;
        int best = 0;
        int run = 0;
        for (int j = from; j <= to; j++) {
            boolean ink = false;
            for (int k = i; k <= Math.min(lines - 1, i + slack) && !ink; k++) {
                ink = alongRows ? on[k * w + j] : on[j * w + k];
            }
            run = ink ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    /**
     * How much of the side between {@code from} and {@code to} one straight line of the edge covers: the longest
     * run of ink along the best line (band of lines, on a turned page) of the group.
     */
    private static double coverage(boolean[] on, int w, int h, boolean alongRows, int start, int end, int from,
                                   int to, int slack) {
        int best = 0;
        for (int i = start; i <= end; i++) {
            best = Math.max(best, longestRun(on, w, h, alongRows, i, slack, from, to));
        }
        return (double) best / (to - from + 1);
    }

    /** Paper next to a pixel of component {@code c}: its gray fringe. */
    private static boolean near(int[] labels, int w, int h, int x, int y, int c) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx >= 0 && ny >= 0 && nx < w && ny < h && labels[ny * w + nx] == c) {
                    return true;
                }
            }
        }
        return false;
    }
}
