package org.medrec.job;

import java.io.IOException;
import java.util.List;
import org.medrec.ocr.ChartPages;
import org.medrec.ocr.OcrEngines;
import org.medrec.ocr.PageText;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Reads the pages of one chart file with the calling thread's OCR engine. A file whose pages
 * cannot be decoded comes back with the reason, to be quarantined. Thread-safe.
 */
class ChartPagesProcessor implements ItemProcessor<ReceivedFile, ChartPagesProcessor.ReadChart> {

    /** A chart file's pages, or why they could not be read. */
    record ReadChart(ReceivedFile file, List<PageText> pages, String failure) {
    }

    private final ChartPages chartPages = new ChartPages();
    private final OcrEngines engines;

    ChartPagesProcessor(OcrEngines engines) {
        this.engines = engines;
    }

    @Override
    public ReadChart process(ReceivedFile file) {
        try {
            return new ReadChart(file, chartPages.read(file.file(), file.format(), engines.get()), null);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new ReadChart(file, List.of(), "its pages cannot be read: " + why.replace(file.file().toString(), "the file"));
        }
    }
}
