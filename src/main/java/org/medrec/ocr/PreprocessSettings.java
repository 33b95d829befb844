package org.medrec.ocr;

/**
 * What {@link Preprocessor} does to a page before OCR.
 *
 * @param orientation       when to detect 0/90/180/270 with Tesseract's OSD and turn the page upright
 * @param minOsdConfidence  below this OSD confidence a proposed turn is checked by OCR confidence (OSD proposed
 *                          180 for upright pages at 0.35..6.9 on the dev corpus, and was right at 4.4..19)
 * @param deskew            straighten pages turned by a small angle (0.914 vs 0.909 of the dev corpus truth values
 *                          read, and PSM 4 keeps a 2.5-degree table's rows together only once straight)
 * @param minSkewDegrees    smaller skew is left alone (resampling blurs more than it helps)
 * @param maxSkewDegrees    search range of the skew estimate, ±
 * @param despeckle         remove isolated specks of a few pixels (off by default: on 76 dev-corpus pages it
 *                          changed nothing measurable, 0.912 vs 0.914 of the truth values read; Tesseract
 *                          ignores most specks and {@link OcrSettings#junkConfidence()} drops the rest)
 * @param binarize          hand Tesseract our black-and-white (Otsu) image instead of the grayscale one (off by
 *                          default: 0.900 vs 0.914 of the truth values read; Tesseract thresholds better itself)
 * @param blankMaxMarks     a page with fewer character-sized ink marks than this is blank
 * @param minOcrDpi         a page below this resolution is enlarged to it (bilinear) before OCR; 0 leaves every
 *                          page at its own resolution. Tesseract reads small type better a little larger: on the
 *                          dev corpus (mostly 150-240 dpi) 240 read 0.920 of the truth values against 0.914 at
 *                          the scan's own resolution, for 19% more time; 300 read 0.918 for 57% more.
 * @param removeDotLeaders  paint a form's dot leaders ({@code Birthdate .........:}) out of the image before OCR,
 *                          which otherwise reads them, and often the label before them, as junk words
 *                          ({@link DotLeaders}). On the four dot-leader intake forms of the dev corpus 35 of their
 *                          41 printed labels read as words at 0.85 or more, against 20; on all 65 scanned dev pages
 *                          250 of 301 labels against 235, and 1420 of 1932 truth value tokens against 1417
 * @param checkboxes        find printed checkboxes and whether they are ticked ({@link PreparedPage#checkboxes()}),
 *                          and paint them out of the image before OCR, so the label beside each reads as a word
 *                          ({@link CheckboxFinder}). On the 16 pages of the dev corpus's seven checkbox forms the
 *                          labels beside the boxes read at 0.85 or more 117 times, against 96, with a junk word
 *                          before them 7 times, against 101; the truth value tokens of all 65 scanned pages stay
 *                          at 1420
 */
public record PreprocessSettings(OrientationCheck orientation, double minOsdConfidence, boolean deskew, double minSkewDegrees,
                                 double maxSkewDegrees, boolean despeckle, boolean binarize, int blankMaxMarks,
                                 int minOcrDpi, boolean removeDotLeaders, boolean checkboxes) {

    /** When the page's orientation is checked. */
    public enum OrientationCheck {
        /** Never: pages are taken as upright. */
        OFF,
        /** OSD on every page before OCR (about 0.3 s a page). */
        ALWAYS,
        /**
         * Only when the upright reading is poor ({@link PageReader}): OCR first, and OSD, the turn and a second
         * reading only for a page read below {@link PageReader#POOR_CONFIDENCE}. Upside-down and sideways pages
         * read at 0.00..0.44 on the dev corpus, upright ones at 0.41..0.95 (8 of 81 pages below 0.55).
         */
        WHEN_UNREADABLE
    }

    public PreprocessSettings {
        java.util.Objects.requireNonNull(orientation, "orientation");
        if (!(minOsdConfidence >= 0)) {
            throw new IllegalArgumentException("minOsdConfidence must be >= 0, got " + minOsdConfidence);
        }
        if (!(minSkewDegrees >= 0 && minSkewDegrees < maxSkewDegrees && maxSkewDegrees <= 15)) {
            throw new IllegalArgumentException("need 0 <= minSkewDegrees < maxSkewDegrees <= 15, got " + minSkewDegrees
                    + " and " + maxSkewDegrees);
        }
        if (minOcrDpi != 0 && (minOcrDpi < 100 || minOcrDpi > 600)) {
            throw new IllegalArgumentException("minOcrDpi must be 0 (off) or 100..600, got " + minOcrDpi);
        }
        if (blankMaxMarks < 0) {
            throw new IllegalArgumentException("blankMaxMarks must be >= 0, got " + blankMaxMarks);
        }
    }

    /**
     * Orientation checked when unreadable (OSD sure at 10), deskew above 0.3 degrees within ±5, no despeckle,
     * grayscale to Tesseract, blank under 10 marks, pages below 240 dpi enlarged to 240 dpi, dot leaders removed,
     * checkboxes found and removed.
     */
    public static PreprocessSettings defaults() {
        return new PreprocessSettings(OrientationCheck.WHEN_UNREADABLE, 10.0, true, 0.3, 5.0, false, false, 10, 240,
                true, true);
    }

    public PreprocessSettings withOrientation(OrientationCheck on) {
        return new PreprocessSettings(on, minOsdConfidence, deskew, minSkewDegrees, maxSkewDegrees, despeckle, binarize,
                blankMaxMarks, minOcrDpi, removeDotLeaders, checkboxes);
    }

    public PreprocessSettings withDeskew(boolean on) {
        return new PreprocessSettings(orientation, minOsdConfidence, on, minSkewDegrees, maxSkewDegrees, despeckle,
                binarize, blankMaxMarks, minOcrDpi, removeDotLeaders, checkboxes);
    }

    public PreprocessSettings withDespeckle(boolean on) {
        return new PreprocessSettings(orientation, minOsdConfidence, deskew, minSkewDegrees, maxSkewDegrees, on, binarize,
                blankMaxMarks, minOcrDpi, removeDotLeaders, checkboxes);
    }

    public PreprocessSettings withMinOcrDpi(int dpi) {
        return new PreprocessSettings(orientation, minOsdConfidence, deskew, minSkewDegrees, maxSkewDegrees, despeckle,
                binarize, blankMaxMarks, dpi, removeDotLeaders, checkboxes);
    }

    public PreprocessSettings withBinarize(boolean on) {
        return new PreprocessSettings(orientation, minOsdConfidence, deskew, minSkewDegrees, maxSkewDegrees, despeckle, on,
                blankMaxMarks, minOcrDpi, removeDotLeaders, checkboxes);
    }

    public PreprocessSettings withDotLeaderRemoval(boolean on) {
        return new PreprocessSettings(orientation, minOsdConfidence, deskew, minSkewDegrees, maxSkewDegrees, despeckle,
                binarize, blankMaxMarks, minOcrDpi, on, checkboxes);
    }

    public PreprocessSettings withCheckboxes(boolean on) {
        return new PreprocessSettings(orientation, minOsdConfidence, deskew, minSkewDegrees, maxSkewDegrees, despeckle,
                binarize, blankMaxMarks, minOcrDpi, removeDotLeaders, on);
    }
}
