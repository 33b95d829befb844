package org.medrec.job;

import java.util.List;
import java.util.UUID;
import org.medrec.extraction.Method;
import org.medrec.extraction.SourceRef;
import org.medrec.extraction.chart.ChartExtraction;
import org.medrec.ocr.PageText;
import org.medrec.review.DocumentRouting;
import org.medrec.review.ReviewItemWriter;
import org.medrec.store.Ledger;
import org.medrec.store.PageStore;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Stores a chart's pages and what was read from them, and says how the file stands: quarantined
 * when its pages cannot be read, every page is blank, or it is not a medical record; in review as
 * a whole when its type could not be told; otherwise its record is loaded, or held with one review
 * item per doubtful value. A file that another writer has finished meanwhile is left as it is. Thread-safe.
 */
class ChartPagesWriter implements ItemWriter<ChartPagesProcessor.ReadChart> {

    private final UUID runId;
    private final PageStore pages;
    private final Ledger ledger;
    private final ReviewItemWriter items;
    private final DocumentRouting routing;

    ChartPagesWriter(UUID runId, PageStore pages, Ledger ledger, ReviewItemWriter items, DocumentRouting routing) {
        this.runId = runId;
        this.pages = pages;
        this.ledger = ledger;
        this.items = items;
        this.routing = routing;
    }

    @Override
    public void write(Chunk<? extends ChartPagesProcessor.ReadChart> chunk) {
        for (ChartPagesProcessor.ReadChart chart : chunk) {
            long id = chart.file().sourceFileId();
            if (!ledger.lockIfReceived(id)) {
                continue;   // another writer finished it (see Ledger.lockIfReceived)
            }
            if (chart.failure() != null) {
                ledger.finish(id, "quarantined", chart.failure());
                continue;
            }
            chart.pages().forEach(page -> pages.save(id, page));
            long blank = chart.pages().stream().filter(PageText::blank).count();
            if (blank == chart.pages().size()) {
                ledger.finish(id, "quarantined", chart.pages().size() == 1 ? "blank page: nothing is printed on it"
                        : "blank pages: nothing is printed on any of its " + blank + " pages");
                continue;
            }
            ChartExtraction read = chart.extraction();
            String pagesRead = chart.pages().size() + " pages read (" + blank + " blank)";
            switch (read.outcome()) {
                case NOT_MEDICAL -> ledger.finish(id, "quarantined", read.reason());
                case NOT_UNDERSTOOD -> {
                    wholeFile(chart, "document not understood: " + read.reason());
                    ledger.finish(id, "held_for_review", pagesRead + "; in review as a whole: " + read.reason());
                }
                case EXTRACTED -> {
                    DocumentRouting.Routed routed = routing.route(runId, id, read.docType(), 1, chart.pages().size(), null,
                            read.confidence(), List.of(read.record()));
                    if (read.documentDoubt() != null) {
                        wholeFile(chart, read.documentDoubt());
                    }
                    boolean held = routed.status().equals("held") || read.documentDoubt() != null;
                    ledger.finish(id, held ? "held_for_review" : "loaded", pagesRead + "; " + read.docType() + ", "
                            + (held ? routed.reviewItems() + " values in review" : "loaded"));
                }
            }
        }
    }

    private void wholeFile(ChartPagesProcessor.ReadChart chart, String reason) {
        Method method = chart.pages().stream().allMatch(p -> p.source() == PageText.Source.TEXT_LAYER)
                ? Method.TEXT_LAYER : Method.OCR;
        items.openForSource(runId, null, null, null, "*", SourceRef.wholeFile(chart.file().sourceFileId(), chart.file().path(),
                method), null, reason);
    }
}
