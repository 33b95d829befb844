package org.medrec.job;

import java.util.List;
import java.util.UUID;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.medrec.extraction.chart.ChartExtractor;
import org.medrec.ocr.PageText;
import org.medrec.record.DocumentStatus;
import org.medrec.record.FileOutcome;
import org.medrec.store.RecordLoader;
import org.medrec.store.ReviewItemWriter;
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
    private final RecordLoader loader;
    private final ChartTimes times;

    ChartPagesWriter(UUID runId, PageStore pages, Ledger ledger, ReviewItemWriter items, RecordLoader loader,
                     ChartTimes times) {
        this.runId = runId;
        this.pages = pages;
        this.ledger = ledger;
        this.items = items;
        this.loader = loader;
        this.times = times;
    }

    /** How a file ends: its outcome in the ledger and the reason. */
    private record End(FileOutcome outcome, String reason) {
    }

    @Override
    public void write(Chunk<? extends ChartPagesProcessor.ReadChart> chunk) {
        long start = System.nanoTime();
        for (ChartPagesProcessor.ReadChart chart : chunk) {
            long id = chart.file().sourceFileId();
            if (!ledger.lockIfReceived(id)) {
                continue;   // another writer finished it (see Ledger.lockIfReceived)
            }
            End end = chart.map(
                    unreadable -> new End(FileOutcome.QUARANTINED, unreadable.reason()),
                    blank -> {
                        blank.pages().forEach(page -> pages.save(id, page));
                        return new End(FileOutcome.QUARANTINED, blank.pages().size() == 1
                                ? "blank page: nothing is printed on it"
                                : "blank pages: nothing is printed on any of its " + blank.pages().size() + " pages");
                    },
                    read -> {
                        read.pages().forEach(page -> pages.save(id, page));
                        return route(read);
                    });
            ledger.finish(id, end.outcome(), end.reason());
        }
        times.stored((System.nanoTime() - start) / 1_000_000);
    }

    private End route(ChartPagesProcessor.Read chart) {
        long id = chart.file().sourceFileId();
        long blank = chart.pages().stream().filter(PageText::blank).count();
        String pagesRead = chart.pages().size() + " pages read (" + blank + " blank)";
        return chart.extraction().map(
                notMedical -> new End(FileOutcome.QUARANTINED, notMedical.reason()),
                notUnderstood -> {
                    wholeFile(chart, notUnderstood.identifierSystem(), "document not understood: " + notUnderstood.reason());
                    return new End(FileOutcome.HELD_FOR_REVIEW, pagesRead + "; in review as a whole: " + notUnderstood.reason());
                },
                extracted -> {
                    RecordLoader.Routed routed = loader.route(new RecordLoader.Source(runId, id, extracted.docType(), 1,
                            chart.pages().size(), null, extracted.confidence()), List.of(extracted.record()));
                    if (extracted.documentDoubt() != null) {
                        wholeFile(chart, extracted.record().identifierSystem().equals(ChartExtractor.UNKNOWN_CLINIC) ? null
                                : extracted.record().identifierSystem(), extracted.documentDoubt());
                    }
                    boolean held = routed.status() == DocumentStatus.HELD || extracted.documentDoubt() != null;
                    return new End(held ? FileOutcome.HELD_FOR_REVIEW : FileOutcome.LOADED, pagesRead + "; "
                            + extracted.docType() + ", " + (held ? routed.reviewItems() + " values in review" : "loaded"));
                });
    }

    private void wholeFile(ChartPagesProcessor.Read chart, String identifierSystem, String reason) {
        Method method = chart.pages().stream().allMatch(p -> p.source() == PageText.Source.TEXT_LAYER)
                ? Method.TEXT_LAYER : Method.OCR;
        items.openForDocument(runId, SourceRef.wholeFile(chart.file().sourceFileId(), chart.file().path(), method),
                identifierSystem, reason);
    }
}
