package org.medrec.job;

import org.medrec.ocr.PageText;
import org.medrec.store.Ledger;
import org.medrec.store.PageStore;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Stores a chart's pages and says how the file stands: quarantined when its pages cannot be read
 * or every page is blank, otherwise waiting for extraction. Thread-safe.
 */
class ChartPagesWriter implements ItemWriter<ChartPagesProcessor.ReadChart> {

    private final PageStore pages;
    private final Ledger ledger;

    ChartPagesWriter(PageStore pages, Ledger ledger) {
        this.pages = pages;
        this.ledger = ledger;
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
                ledger.finish(id, "received", chart.pages().size() + " pages read (" + blank
                        + " blank); field extraction is still to come");
            }
        }
    }
}
