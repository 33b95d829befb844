package org.medrec.ocr;

import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.medrec.ocr.PreprocessSettings.OrientationCheck;
import org.medrec.page.SourcePage;

/**
 * Makes a page image ready for OCR, as an ordered chain of small steps:
 * <ol>
 *   <li>analysis: Otsu ink mask and its connected components; a page with (almost) no character-sized marks
 *       is blank and goes no further (no OSD, no OCR: a blank page must not be read into garbage);</li>
 *   <li>orientation (when asked): Tesseract's OSD proposes a quarter turn; a turn proposed with low confidence
 *       is checked by OCR-ing the inkiest third of the page both ways and keeping the more confident. Otherwise,
 *       with {@link OrientationCheck#WHEN_UNREADABLE}, a page upside down beyond doubt by its ascenders
 *       ({@link UpsideDown}) is turned, and OCR reads it once;</li>
 *   <li>form marks (when asked): dot leaders and printed checkboxes are found on the upright page's components
 *       and painted out, the checkboxes kept with their state ({@link PreparedPage#checkboxes()});</li>
 *   <li>deskew: projection-profile estimate over ±{@code maxSkewDegrees}; the page is turned back when the skew
 *       is at least {@code minSkewDegrees};</li>
 *   <li>despeckle (optional): isolated specks of a few pixels are painted white;</li>
 *   <li>upscale (optional): a page below {@code minOcrDpi} is enlarged to it;</li>
 *   <li>binarize (optional): the Otsu black-and-white image is handed to Tesseract instead of the gray one.</li>
 * </ol>
 * The source image is never modified.
 *
 * <p>Thread-safe (immutable settings, no state); the {@link OcrEngine} passed in is not, so each thread passes
 * its own.
 */
public final class Preprocessor {

    private final PreprocessSettings settings;

    public Preprocessor(PreprocessSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Preprocessor() {
        this(PreprocessSettings.defaults());
    }

    public PreprocessSettings settings() {
        return settings;
    }

    /** How a page is turned upright before OCR. */
    private enum Turn {
        /** As it comes. */
        AS_IS,
        /** By 180 degrees when its ascenders say it is upside down beyond doubt, else as it comes. */
        WHEN_UPSIDE_DOWN,
        /** As OSD (and, when OSD is unsure, OCR confidence) decides. */
        DETECT
    }

    /**
     * Prepares a page: orientation is detected with OSD when the settings say {@code ALWAYS}; with
     * {@code WHEN_UNREADABLE} a page upside down beyond doubt by its ascenders is turned (method
     * {@link Orientation.Method#ASCENDERS}).
     */
    public PreparedPage prepare(SourcePage page, OcrEngine engine) {
        Turn turn = switch (settings.orientation()) {
            case ALWAYS -> Turn.DETECT;
            case WHEN_UNREADABLE -> Turn.WHEN_UPSIDE_DOWN;
            case OFF -> Turn.AS_IS;
        };
        return prepare(page.image(), page.dpi(), engine, turn);
    }

    /** Prepares a page as it comes, not turned (a page turned by its ascenders that then read poorly). */
    public PreparedPage prepareAsItComes(SourcePage page) {
        return prepare(page.image(), page.dpi(), null, Turn.AS_IS);
    }

    /** Prepares a page with orientation detection, whatever the settings say (for a page that read poorly). */
    public PreparedPage prepareWithOrientation(SourcePage page, OcrEngine engine) {
        return prepare(page.image(), page.dpi(), engine, Turn.DETECT);
    }

    /**
     * @param gray              the page (TYPE_BYTE_GRAY, square pixels); not modified
     * @param dpi               its resolution
     * @param engine            used for orientation detection; may be null when {@code detectOrientation} is false
     * @param detectOrientation run OSD and turn the page upright
     */
    public PreparedPage prepare(BufferedImage gray, int dpi, OcrEngine engine, boolean detectOrientation) {
        return prepare(gray, dpi, engine, detectOrientation ? Turn.DETECT : Turn.AS_IS);
    }

    private PreparedPage prepare(BufferedImage gray, int dpi, OcrEngine engine, Turn turn) {
        long start = System.nanoTime();
        InkMask mask = InkMask.of(gray);
        InkMask.Components components = mask.components();
        double inkRatio = mask.inkRatio();
        int marks = characterMarks(mask, components, dpi);
        if (marks < settings.blankMaxMarks()) {
            return new PreparedPage(gray, dpi, 1.0, gray.getWidth(), gray.getHeight(), Orientation.notChecked(), 0.0,
                    false, 0, 0, List.of(), false, inkRatio, true,
                    new PreparedPage.Timings(millisSince(start), 0, 0, 0, 0, 0, 0));
        }
        Orientation orientation = Orientation.notChecked();
        if (turn == Turn.WHEN_UPSIDE_DOWN) {
            double upright = UpsideDown.confidence(mask, dpi);
            if (upright <= -UpsideDown.MIN_CONFIDENCE) {
                orientation = new Orientation(180, -upright, Orientation.Method.ASCENDERS);
            }
        }
        long analysis = millisSince(start);

        long t = System.nanoTime();
        BufferedImage image = gray;
        if (turn == Turn.DETECT) {
            orientation = orient(gray, dpi, mask, Objects.requireNonNull(engine, "engine"));
        }
        if (orientation.rotation() != 0) {
            image = Rotation.quarterTurns(gray, orientation.rotation());
            mask = InkMask.of(image);
            components = mask.components();
        }
        long orientationMillis = millisSince(t);

        t = System.nanoTime();
        double skew = settings.deskew() ? SkewDetector.estimate(mask, components, dpi, settings.maxSkewDegrees()) : 0.0;
        long deskewMillis = millisSince(t);

        t = System.nanoTime();
        List<CheckboxFinder.Found> boxes = settings.checkboxes() ? CheckboxFinder.find(mask, components, dpi, skew)
                : List.of();
        image = CheckboxFinder.erase(image, mask, components, boxes);
        int leaderDots = 0;
        if (settings.removeDotLeaders()) {
            List<DotLeaders.Run> leaders = DotLeaders.find(mask, components, dpi);
            image = DotLeaders.erase(image, mask, components, leaders);
            leaderDots = DotLeaders.dotCount(leaders);
        }
        int uprightWidth = image.getWidth();
        int uprightHeight = image.getHeight();
        long formMarksMillis = millisSince(t);

        t = System.nanoTime();
        boolean deskewed = false;
        if (Math.abs(skew) >= settings.minSkewDegrees()) {
            image = Rotation.byAngle(image, -skew);
            deskewed = true;
        }
        deskewMillis += millisSince(t);

        t = System.nanoTime();
        int specks = 0;
        if (settings.despeckle() || settings.binarize()) {
            if (deskewed) {
                mask = InkMask.of(image);
                components = settings.despeckle() ? mask.components() : null;
            }
            if (settings.despeckle()) {
                Despeckle.Result result = Despeckle.apply(image, mask, components, dpi);
                image = result.image();
                specks = result.removed();
            }
        }
        long despeckleMillis = millisSince(t);

        t = System.nanoTime();
        double scale = 1.0;
        int ocrDpi = dpi;
        if (settings.minOcrDpi() > dpi) {
            scale = (double) settings.minOcrDpi() / dpi;
            ocrDpi = settings.minOcrDpi();
            image = org.medrec.page.Grayscale.resize(image, (int) Math.round(image.getWidth() * scale),
                    (int) Math.round(image.getHeight() * scale));
        }
        long upscaleMillis = millisSince(t);

        t = System.nanoTime();
        if (settings.binarize()) {
            image = (scale > 1.0 ? InkMask.of(image) : mask).toImage();
        }
        long binarizeMillis = millisSince(t);

        List<Checkbox> checkboxes = new ArrayList<>(boxes.size());
        for (CheckboxFinder.Found box : boxes) {
            checkboxes.add(new Checkbox(toImage(box.box(), uprightWidth, uprightHeight, deskewed ? skew : 0.0, scale),
                    box.checked(), box.confidence()));
        }
        return new PreparedPage(image, ocrDpi, scale, gray.getWidth(), gray.getHeight(), orientation, skew, deskewed,
                specks, leaderDots, checkboxes, settings.binarize(), inkRatio, false,
                new PreparedPage.Timings(analysis, orientationMillis, formMarksMillis, deskewMillis, despeckleMillis,
                        upscaleMillis, binarizeMillis));
    }

    /**
     * A square found on the upright page before deskew, in the recognised image: its centre turned back with
     * the page and enlarged, its side that of the square whose turned outline was found.
     */
    static Rectangle toImage(Rectangle found, int width, int height, double skewDegrees, double scale) {
        double radians = Math.toRadians(Math.abs(skewDegrees));
        double straighten = 1.0 / (Math.cos(radians) + Math.sin(radians));
        Point2D centre = new Point2D.Double(found.getCenterX(), found.getCenterY());
        Rotation.aboutCentre(-skewDegrees, width, height).transform(centre, centre);
        double w = found.width * straighten * scale;
        double h = found.height * straighten * scale;
        long x = Math.round(centre.getX() * scale - w / 2);
        long y = Math.round(centre.getY() * scale - h / 2);
        return new Rectangle((int) x, (int) y, (int) Math.round(w), (int) Math.round(h));
    }

    private Orientation orient(BufferedImage gray, int dpi, InkMask mask, OcrEngine engine) {
        Optional<Osd> osd = engine.detectOrientation(gray, dpi);
        if (osd.isEmpty()) {
            return new Orientation(0, 0.0, Orientation.Method.UNDECIDED);
        }
        Osd found = osd.get();
        if (found.rotation() == 0 || found.confidence() >= settings.minOsdConfidence()) {
            return new Orientation(found.rotation(), found.confidence(), Orientation.Method.OSD);
        }
        // OSD proposes a turn but is unsure: read the inkiest third of the page both ways
        int band = inkiestThird(mask);
        int h = gray.getHeight();
        int top = band * h / 3;
        int bandHeight = (band + 1) * h / 3 - top;
        BufferedImage upright = copyRows(gray, top, bandHeight);
        BufferedImage turned = Rotation.quarterTurns(upright, found.rotation());
        double asIs = engine.recognize(upright, dpi).meanConfidence();
        double asProposed = engine.recognize(turned, dpi).meanConfidence();
        return asProposed > asIs
                ? new Orientation(found.rotation(), asProposed, Orientation.Method.OCR_CONFIDENCE)
                : new Orientation(0, asIs, Orientation.Method.OCR_CONFIDENCE);
    }

    /** The same prepared page turned by another 180 degrees (for a second reading when OSD was unsure). */
    public PreparedPage turnedHalfway(PreparedPage page) {
        Orientation o = page.orientation();
        Orientation turned = new Orientation((o.rotation() + 180) % 360, 0.0, Orientation.Method.OCR_CONFIDENCE);
        // turning by 180 degrees about the centre commutes with the deskew rotation about the same centre
        int w = page.image().getWidth();
        int h = page.image().getHeight();
        List<Checkbox> checkboxes = page.checkboxes().stream().map(c -> {
            Rectangle b = c.box();
            return new Checkbox(new Rectangle(w - b.x - b.width, h - b.y - b.height, b.width, b.height), c.checked(),
                    c.confidence());
        }).toList();
        return new PreparedPage(Rotation.quarterTurns(page.image(), 180), page.dpi(), page.scale(), page.sourceWidth(),
                page.sourceHeight(), turned, page.skewDegrees(), page.deskewed(), page.specksRemoved(),
                page.leaderDots(), checkboxes, page.binarized(), page.inkRatio(), page.blank(), page.timings());
    }

    private static int inkiestThird(InkMask mask) {
        long[] ink = new long[3];
        for (int y = 0; y < mask.height; y++) {
            int third = Math.min(2, y * 3 / mask.height);
            int row = y * mask.width;
            for (int x = 0; x < mask.width; x++) {
                ink[third] += mask.ink[row + x];
            }
        }
        return ink[0] >= ink[1] && ink[0] >= ink[2] ? 0 : ink[1] >= ink[2] ? 1 : 2;
    }

    private static BufferedImage copyRows(BufferedImage gray, int top, int rows) {
        BufferedImage out = new BufferedImage(gray.getWidth(), rows, BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(InkMask.pixels(gray), top * gray.getWidth(), InkMask.pixels(out), 0, rows * gray.getWidth());
        return out;
    }

    /** Ink components of character size (not specks, not rules or shadows along the edge). */
    static int characterMarks(InkMask mask, InkMask.Components components, int dpi) {
        int minArea = Despeckle.maxSpeckArea(dpi) + 1;
        int marks = 0;
        for (int c = 1; c <= components.count; c++) {
            if (components.area[c] >= minArea && !components.touchesBorder(c, mask.width, mask.height)
                    && components.height(c) >= dpi / 50 && components.height(c) <= dpi
                    && components.width(c) <= 3 * dpi) {
                marks++;
            }
        }
        return marks;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
