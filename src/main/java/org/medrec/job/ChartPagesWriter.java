package org.medrec.job;

import java.util.UUID;
import org.medrec.extraction.Method;
import org.medrec.extraction.SourceRef;
import org.medrec.ocr.PageText;
import org.medrec.review.ReviewItemWriter;
import org.medrec.store.Ledger;
import org.medrec.store.PageStore;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Stores a chart's pages and says how the file stands: quarantined when its pages cannot be read
 * or every page is blank. Otherwise the document cannot be classified with confidence (this
 * version extracts no chart fields yet), so it goes to review as a whole, never into the store
 * by a guess. Thread-safe.
 */
class ChartPagesWriter implements ItemWriter<ChartPagesProcessor.ReadChart> {

    static final String NOT_UNDERSTOOD = "document not understood: this version of medrec reads the pages of charts"
            + " but does not classify them or extract their fields yet; a person must enter or check its values";

    private final UUID runId;
    private final PageStore pages;
    private final Ledger ledger;
    private final ReviewItemWriter items;

    ChartPagesWriter(UUID runId, PageStore pages, Ledger ledger, ReviewItemWriter items) {
        this.runId = runId;
        this.pages = pages;
        this.ledger = ledger;
        this.items = items;
    }

    @Override
    public void write(Chunk<? extends ChartPagesProcessor.ReadChart> chunk) {
        for (ChartPagesProcessor.ReadChart chart : chunk) {
            long id = chart.file().sourceFileId();
            if (chart.failure() != null) {
                ledger.finish(id, "quarantined", chart.failure());
                continue;
            }
            chart.pages().forEach(page -> pages.save(id, page));
            long blank = chart.pages().stream().filter(PageText::blank).count();
            if (blank == chart.pages().size()) {
                ledger.finish(id, "quarantined", chart.pages().size() == 1 ? "blank page: nothing is printed on it"
                        : "blank pages: nothing is printed on any of its " + blank + " pages");
            } else {
                Method method = chart.pages().stream().allMatch(p -> p.source() == PageText.Source.TEXT_LAYER)
                        ? Method.TEXT_LAYER : Method.OCR;
                items.openForSource(runId, null, null, null, "*", SourceRef.wholeFile(id, chart.file().path(), method), null,
                        NOT_UNDERSTOOD);
                ledger.finish(id, "held_for_review", chart.pages().size() + " pages read (" + blank + " blank);"
                        + " in review as a whole: chart fields are not extracted in this version");
            }
        }
    }
}
