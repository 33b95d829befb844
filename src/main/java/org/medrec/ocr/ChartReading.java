package org.medrec.ocr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.medrec.intake.FileFormat;

/**
 * Reads every page of a chart file on the calling thread: in this process ({@link OcrEngines}) or
 * in an OCR process of the thread's own ({@link OcrProcesses}), where a crash of Tesseract
 * ends only that process. Thread-safe.
 */
public interface ChartReading extends AutoCloseable {

    List<PageText> read(Path file, FileFormat format) throws IOException;

    /** Charts are coming: start what reading them needs (up to {@code readers} at once) in the background. */
    default void warmUp(int readers) {
    }

    @Override
    void close();
}
