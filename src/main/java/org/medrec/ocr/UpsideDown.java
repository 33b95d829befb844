package org.medrec.ocr;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.FloatByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a page is upside down, from its ink alone and before any OCR: Leptonica's count of
 * ascenders pointing up against down ({@code pixUpDownDetect}, about 20 ms a page, where OCR-ing an
 * upside-down page to find it reads poorly, then OSD, costs a second or more). Only a strong signal counts:
 * on the dev corpus and the sample scans upright pages scored -7.0..31, the four upside-down ones -9.8..-32;
 * Leptonica's own threshold for a decision is {@value #MIN_CONFIDENCE}. Sideways pages are not decided here
 * (an upright page scored -12.6 for a quarter turn). Thread-safe.
 */
final class UpsideDown {

    /** Leptonica's {@code DEFAULT_MIN_UP_DOWN_CONF}: a confidence at least this far below 0 says upside down. */
    static final double MIN_CONFIDENCE = 8.0;

    private static final Logger log = LoggerFactory.getLogger(UpsideDown.class);
    private static volatile boolean unavailable;

    private UpsideDown() {
    }

    /**
     * Leptonica's up/down confidence: positive upright, {@value #MIN_CONFIDENCE} or more below 0 upside down beyond
     * doubt; 0 when it cannot tell or Leptonica cannot be loaded.
     */
    static double confidence(InkMask mask, int dpi) {
        if (unavailable) {
            return 0.0;
        }
        Pointer pix;
        try {
            pix = Leptonica.pixCreate(mask.width, mask.height, 1);
        } catch (LinkageError e) {
            unavailable = true;
            log.warn("Leptonica (liblept.so.5) cannot be loaded ({}): upside-down pages are found by reading them"
                    + " instead", e.getMessage());
            return 0.0;
        }
        if (pix == null) {
            return 0.0;
        }
        try {
            copy(mask, pix);
            Leptonica.pixSetResolution(pix, dpi, dpi);
            FloatByReference conf = new FloatByReference();
            return Leptonica.pixUpDownDetect(pix, conf, 0, 0, 0) == 0 ? conf.getValue() : 0.0;
        } finally {
            Leptonica.pixDestroy(new PointerByReference(pix));
        }
    }

    /** The mask's ink as the 1-bpp image's set bits. */
    private static void copy(InkMask mask, Pointer pix) {
        int wpl = Leptonica.pixGetWpl(pix);
        Pointer data = Leptonica.pixGetData(pix);
        int[] row = new int[wpl];
        for (int y = 0; y < mask.height; y++) {
            Arrays.fill(row, 0);
            int offset = y * mask.width;
            for (int x = 0; x < mask.width; x++) {
                if (mask.ink[offset + x] != 0) {
                    row[x >>> 5] |= 1 << (31 - (x & 31));
                }
            }
            data.write((long) y * wpl * Integer.BYTES, row, 0, wpl);
        }
    }
}
