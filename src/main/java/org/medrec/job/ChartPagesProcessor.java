package org.medrec.job;

import java.io.IOException;
import java.time.LocalDate;
import org.medrec.extraction.chart.ChartDocument;
import org.medrec.extraction.chart.ChartExtraction;
import org.medrec.extraction.chart.ChartExtractor;
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
    record ReadChart(ReceivedFile file, List<PageText> pages, ChartExtraction extraction, String failure) {
    }

    private final ChartPages chartPages = new ChartPages();
    private final OcrEngines engines;
    private final ChartExtractor extractor;
    private final LocalDate today;

    ChartPagesProcessor(OcrEngines engines, ChartExtractor extractor, LocalDate today) {
        this.engines = engines;
        this.extractor = extractor;
        this.today = today;
    }

    @Override
    public ReadChart process(ReceivedFile file) {
        try {
            List<PageText> pages = chartPages.read(file.file(), file.format(), engines.get());
            boolean blank = pages.stream().allMatch(PageText::blank);
            ChartExtraction extraction = blank ? null
                    : extractor.extract(ChartDocument.of(pages), file.sourceFileId(), file.path(), today);
            return new ReadChart(file, pages, extraction, null);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new ReadChart(file, List.of(), null, "its pages cannot be read: " + why.replace(file.file().toString(), "the file"));
        }
    }
}
