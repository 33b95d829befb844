package org.medrec.ocr;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import net.sourceforge.tess4j.util.LoadLibs;

/**
 * Tesseract's progress monitor ({@code ETEXT_DESC}) through its C API, for a recognition deadline.
 * Bound here because tess4j 5.5's {@code ETEXT_DESC} structure lacks the {@code progress_callback}
 * field of Tesseract 5, so its layout does not match: the monitor is only ever handled as an
 * opaque pointer made and freed by Tesseract itself. The deadline covers word recognition (not
 * layout analysis), where nearly all of a page's time goes.
 */
final class TessMonitor {

    static {
        Native.register(LoadLibs.getTesseractLibName());
    }

    private TessMonitor() {
    }

    static native Pointer TessMonitorCreate();

    static native void TessMonitorDelete(Pointer monitor);

    static native void TessMonitorSetDeadlineMSecs(Pointer monitor, int deadline);

    /** {@code TessBaseAPIRecognize(handle, monitor)}: 0 when done, non-zero when it failed or the deadline passed. */
    static native int TessBaseAPIRecognize(Pointer handle, Pointer monitor);
}
