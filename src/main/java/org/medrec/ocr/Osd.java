package org.medrec.ocr;

/**
 * Tesseract's orientation and script detection for a page.
 *
 * @param rotation   clockwise rotation, in degrees (0, 90, 180, 270), that makes the page upright
 * @param confidence Tesseract's orientation confidence (not a probability: about 2 is a guess, above ~10 is
 *                   sure on a page of text)
 * @param script     the detected script, e.g. {@code Latin}
 */
public record Osd(int rotation, double confidence, String script) {

    public Osd {
        if (rotation % 90 != 0 || rotation < 0 || rotation >= 360) {
            throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270, got " + rotation);
        }
    }
}
