package org.medrec.ocr;

/**
 * How a page was turned upright.
 *
 * @param rotation   clockwise quarter turn applied, in degrees: 0, 90, 180 or 270
 * @param confidence OSD's confidence for OSD decisions; for {@link Method#OCR_CONFIDENCE}, the winning mean OCR
 *                   confidence (0..1); for {@link Method#ASCENDERS}, Leptonica's (8 or more); 0 otherwise
 * @param method     what decided it
 */
public record Orientation(int rotation, double confidence, Method method) {

    public enum Method {
        /** Tesseract's orientation detection, sure enough on its own. */
        OSD,
        /** OSD was unsure; OCR mean confidence of the page turned both ways decided. */
        OCR_CONFIDENCE,
        /** Upside down beyond doubt by its ascenders, before any OCR ({@link UpsideDown}). */
        ASCENDERS,
        /** OSD found too little text; the page is left as it is. */
        UNDECIDED,
        /** Orientation detection is switched off, or the page is blank. */
        NOT_CHECKED
    }

    public Orientation {
        if (rotation % 90 != 0 || rotation < 0 || rotation >= 360) {
            throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270, got " + rotation);
        }
    }

    static Orientation notChecked() {
        return new Orientation(0, 0.0, Method.NOT_CHECKED);
    }
}
