package org.medrec.ocr;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.FloatByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few Leptonica functions medrec calls directly, bound to Debian's {@code liblept.so.5} (the library
 * Tesseract itself uses). lept4j's {@code Leptonica1} cannot be used for them: it binds a library named
 * {@code leptonica}, which Debian does not ship under that name. Calls must follow Leptonica's ownership rules:
 * every {@code Pix} created is destroyed.
 */
final class Leptonica {

    static {
        Native.register(NativeLibrary.getInstance("lept"));
    }

    private Leptonica() {
    }

    /** A new image, all pixels 0 (1 bpp: white). */
    static native Pointer pixCreate(int width, int height, int depth);

    /** 32-bit words per row. */
    static native int pixGetWpl(Pointer pix);

    /** The image's words; for 1 bpp, pixel x of a row is bit {@code 31 - x % 32} of word {@code x / 32}. */
    static native Pointer pixGetData(Pointer pix);

    static native int pixSetResolution(Pointer pix, int xres, int yres);

    /**
     * Ascenders pointing up against down, in a 1-bpp page of English text at 150-300 ppi: a positive confidence
     * says the text is upright, a negative one upside down; {@code mincount} 0 and {@code npixels} 0 are the
     * defaults.
     */
    static native int pixUpDownDetect(Pointer pix, FloatByReference conf, int mincount, int npixels, int debug);

    static native void pixDestroy(PointerByReference pix);
}
