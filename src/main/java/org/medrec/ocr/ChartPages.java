package org.medrec.ocr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.medrec.intake.FileFormat;
import org.medrec.page.PageSource;

/**
 * Reads every page of a chart file: its PDF text layer, or OCR after orientation and deskew, or
 * "blank". Pages are decoded one at a time. Thread-safe; the engine is the calling thread's own.
 */
public final class ChartPages {

    private final PageReader reader = new PageReader();

    public List<PageText> read(Path file, FileFormat format, OcrEngine engine) throws IOException {
        List<PageText> pages = new ArrayList<>();
        read(file, format, engine, pages::add);
        return pages;
    }

    /** Reads the pages in order, handing each to {@code done} as soon as it is read. */
    public void read(Path file, FileFormat format, OcrEngine engine, Consumer<PageText> done) throws IOException {
        try (PageSource source = PageSource.open(file, format)) {
            for (int n = 1; n <= source.pageCount(); n++) {
                try {
                    done.accept(reader.read(source.page(n), engine));
                } catch (OcrTimeLimitException e) {
                    throw new OcrException("page " + n + ": " + e.reason(), e);
                }
            }
        }
    }
}
