package org.medrec.page;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One page of a source file, ready for preprocessing and OCR (or for its text layer to be used as is).
 *
 * <p>The image is always 8-bit grayscale ({@link BufferedImage#TYPE_BYTE_GRAY}) with square pixels:
 * an anisotropic scan (a fax at 204 x 98 dpi) has already been stretched along its short axis, and then
 * {@code resampled} is true and {@code dpiX == dpiY}. {@code dpiX}/{@code dpiY} describe this image,
 * not the file: for a PDF they are the resolution the page was rendered at.
 *
 * <p>The image is mutable (a {@link BufferedImage}); treat it as read-only. Later stages work on copies,
 * and the review UI shows this image.
 *
 * @param number        1-based page number in the source file
 * @param image         grayscale page image, square pixels
 * @param dpiX          horizontal resolution of {@code image}
 * @param dpiY          vertical resolution of {@code image}
 * @param dpiEstimated  true when the file carried no usable resolution and it was estimated from the pixel
 *                      size, assuming a US letter page (8.5 x 11 in)
 * @param resampled     true when the image was stretched to square pixels (anisotropic scan)
 * @param textLayer     the PDF text layer of the page, in pixel coordinates of {@code image}; null when the
 *                      page has none (every scan), in which case the page needs OCR
 */
public record SourcePage(int number, BufferedImage image, int dpiX, int dpiY, boolean dpiEstimated,
                         boolean resampled, TextLayer textLayer) {

    public SourcePage {
        if (number < 1) {
            throw new IllegalArgumentException("page number is 1-based, got " + number);
        }
        Objects.requireNonNull(image, "image");
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("page image must be TYPE_BYTE_GRAY, got type " + image.getType());
        }
        if (dpiX <= 0 || dpiY <= 0) {
            throw new IllegalArgumentException("resolution must be positive, got " + dpiX + "x" + dpiY);
        }
    }

    /** The page's resolution; the larger axis when the two differ (they only differ when not resampled). */
    public int dpi() {
        return Math.max(dpiX, dpiY);
    }

    /** True when the page has a usable text layer, so it needs no OCR. */
    public boolean hasTextLayer() {
        return textLayer != null;
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    @Override
    public String toString() {
        return "SourcePage[" + number + ", " + image.getWidth() + "x" + image.getHeight() + " px, " + dpiX + "x"
                + dpiY + " dpi" + (dpiEstimated ? " (estimated)" : "") + (resampled ? ", resampled" : "")
                + (textLayer != null ? ", text layer of " + textLayer.words().size() + " words" : "") + "]";
    }
}
