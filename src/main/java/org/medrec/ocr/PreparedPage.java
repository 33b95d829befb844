package org.medrec.ocr;

import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * A page image made ready for OCR, and what was done to it. The source page image is not modified; this
 * image is a new one whenever something changed it.
 *
 * @param image         the image to recognise (TYPE_BYTE_GRAY; black and white when {@code binarized}); null in
 *                      a page read in an OCR process ({@link OcrProcess}), which sends back only
 *                      the geometry
 * @param dpi           its resolution
 * @param scale         how much the page was enlarged for OCR (1 when not: see
 *                      {@link PreprocessSettings#minOcrDpi()})
 * @param sourceWidth   width of the source page image
 * @param sourceHeight  height of the source page image
 * @param orientation   the quarter turn applied first, and how it was decided
 * @param skewDegrees   the skew found after the quarter turn (positive: content turned clockwise on screen);
 *                      the page was turned back by it when {@code deskewed}
 * @param deskewed      whether the image was straightened
 * @param specksRemoved isolated specks painted white
 * @param leaderDots    dots of dot leaders painted out ({@link PreprocessSettings#removeDotLeaders()})
 * @param checkboxes    the printed checkboxes found, in pixels of {@code image} (their ink is painted out of it)
 * @param binarized     whether the image is the Otsu black-and-white version
 * @param inkRatio      share of ink pixels on the page (before speck removal)
 * @param blank         nothing printed on the page: it must not be OCRed
 * @param timings       milliseconds spent per step
 */
public record PreparedPage(BufferedImage image, int dpi, double scale, int sourceWidth, int sourceHeight, Orientation orientation,
                           double skewDegrees, boolean deskewed, int specksRemoved, int leaderDots,
                           List<Checkbox> checkboxes, boolean binarized, double inkRatio, boolean blank,
                           Timings timings) {

    /**
     * Milliseconds per preprocessing step (0 when the step did not run); {@code formMarksMillis} is finding and
     * painting out dot leaders and checkboxes.
     */
    public record Timings(long analysisMillis, long orientationMillis, long formMarksMillis, long deskewMillis,
                          long despeckleMillis, long upscaleMillis, long binarizeMillis) {

        public long totalMillis() {
            return analysisMillis + orientationMillis + formMarksMillis + deskewMillis + despeckleMillis + upscaleMillis
                    + binarizeMillis;
        }
    }

    public PreparedPage {
        Objects.requireNonNull(orientation, "orientation");
        checkboxes = List.copyOf(Objects.requireNonNull(checkboxes, "checkboxes"));
        Objects.requireNonNull(timings, "timings");
        if (!(scale >= 1.0)) {
            throw new IllegalArgumentException("scale must be >= 1, got " + scale);
        }
    }

    /**
     * The transform from source-page pixel coordinates to coordinates in {@link #image()}: the quarter turn,
     * then the deskew rotation about the centre, then the enlargement.
     */
    public AffineTransform sourceToImage() {
        AffineTransform t = AffineTransform.getScaleInstance(scale, scale);
        if (deskewed) {
            boolean sideways = orientation.rotation() % 180 != 0;
            int width = sideways ? sourceHeight : sourceWidth;
            int height = sideways ? sourceWidth : sourceHeight;
            t.concatenate(Rotation.aboutCentre(-skewDegrees, width, height));
        }
        t.concatenate(Rotation.quarterTurnTransform(orientation.rotation(), sourceWidth, sourceHeight));
        return t;
    }

    /** Maps a box found in {@link #image()} (an OCR word) back to the source page image, as its bounding box. */
    public Rectangle toSource(Rectangle box) {
        try {
            Rectangle2D mapped = sourceToImage().createInverse().createTransformedShape(box).getBounds2D();
            int x = (int) Math.floor(mapped.getX());
            int y = (int) Math.floor(mapped.getY());
            return new Rectangle(x, y, (int) Math.ceil(mapped.getMaxX()) - x, (int) Math.ceil(mapped.getMaxY()) - y);
        } catch (NoninvertibleTransformException e) {
            throw new IllegalStateException("a rotation is always invertible", e);
        }
    }
}
