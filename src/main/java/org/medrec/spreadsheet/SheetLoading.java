package org.medrec.spreadsheet;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.medrec.extraction.ExtractedRecord;
import org.medrec.extraction.FieldValue;
import org.medrec.extraction.SourceRef;
import org.medrec.review.DocumentRouting;
import org.medrec.review.ReviewItemWriter;
import org.medrec.spreadsheet.mapping.FileRecords;
import org.medrec.spreadsheet.mapping.MappingCatalog;
import org.medrec.spreadsheet.mapping.SheetImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.medrec.store.Ledger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The spreadsheet stage for one file: read it with the mapping its headers fit, load each
 * patient's record (or hold it when a value is doubtful), put every bad row in review, and record
 * how the file ended. A file that no mapping fits is held for review as a whole, never loaded by
 * a guess. Thread-safe.
 */
@Service
public class SheetLoading {

    private static final Logger log = LoggerFactory.getLogger(SheetLoading.class);

    private final SheetImport sheets;
    private final DocumentRouting routing;
    private final ReviewItemWriter items;
    private final Ledger ledger;

    public SheetLoading(MappingCatalog catalog, DocumentRouting routing, ReviewItemWriter items, Ledger ledger) {
        this.sheets = new SheetImport(catalog);
        this.routing = routing;
        this.items = items;
        this.ledger = ledger;
    }

    /** In its own transaction: one file that cannot be loaded must not undo the others. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void load(UUID runId, long sourceFileId, Path file, String path, boolean delimited, LocalDate reference) {
        SheetImport.Result result;
        try {
            List<Path> siblings = ledger.tableSiblings(runId, path).stream()
                    .map(p -> file.resolveSibling(Path.of(p).getFileName())).toList();
            result = sheets.read(file, delimited, sourceFileId, path, reference, siblings);
        } catch (IOException e) {
            ledger.finish(sourceFileId, "quarantined", "the spreadsheet cannot be read: " + e.getMessage());
            log.info("quarantined spreadsheet {}: unreadable", sourceFileId);
            return;
        }
        SourceRef wholeFile = SourceRef.wholeFile(sourceFileId, path, org.medrec.extraction.Method.SPREADSHEET);
        if (result.records().isEmpty() && result.badRows().isEmpty() && result.unmapped().isEmpty()
                && !result.lookups().isEmpty()) {
            SheetImport.LookupSheet table = result.lookups().get(0);
            ledger.finish(sourceFileId, "loaded", "the " + table.table() + " look-up table of the " + table.mapping()
                    + " mapping: no patient data; rows of the export's other files name its values by key");
            log.info("spreadsheet {}: a look-up table", sourceFileId);
            return;
        }
        if (result.records().isEmpty() && result.badRows().isEmpty()) {
            String why = result.unmapped().isEmpty() ? "no data rows"
                    : String.join("; ", result.unmapped().stream().map(u -> u.sheet() + ": " + u.reason()).toList());
            items.openForSource(runId, null, null, null, "*", wholeFile, null,
                    "no mapping under jobs/mappings fits this export, so it was not read (" + why + ")");
            ledger.finish(sourceFileId, "held_for_review", "no mapping fits this export");
            return;
        }
        int held = 0;
        for (ExtractedRecord record : result.records()) {
            double confidence = record.fields().stream().mapToDouble(FieldValue::confidence).min().orElse(1.0);
            if (routing.route(runId, sourceFileId, record.docType(), null, null, null, confidence, java.util.List.of(record))
                    .status().equals("held")) {
                held++;
            }
        }
        for (FileRecords.BadRow bad : result.badRows()) {
            items.openForSource(runId, null, null, bad.mrn(), "*",
                    SourceRef.inSheet(sourceFileId, path, bad.sheet(), bad.row(), bad.column()), bad.raw(),
                    "bad row " + bad.row() + ": " + bad.reason() + "; it was not loaded");
        }
        for (SheetImport.UnmappedSheet sheet : result.unmapped()) {
            items.openForSource(runId, null, null, null, "*", new SourceRef(sourceFileId, path, null, null, sheet.sheet(), null, null, org.medrec.extraction.Method.SPREADSHEET),
                    null, "sheet not read: " + sheet.reason());
        }
        String reason = result.records().size() + " patient records (" + held + " held for review), "
                + result.badRows().size() + " bad rows in review, read with the " + result.system() + " mapping";
        ledger.finish(sourceFileId, "loaded", reason);
        log.info("spreadsheet {}: {} records, {} held, {} bad rows, {} sheets not read", sourceFileId,
                result.records().size(), held, result.badRows().size(), result.unmapped().size());
    }

    /** A file whose loading broke a store rule (a defect, not the file's fault): held, with the reason. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(UUID runId, long sourceFileId, String path, org.springframework.dao.DataIntegrityViolationException e) {
        String why = e.getMostSpecificCause().getMessage();
        items.openForSource(runId, null, null, null, "*", SourceRef.wholeFile(sourceFileId, path,
                org.medrec.extraction.Method.SPREADSHEET), null, "could not be loaded: a value broke a rule of the store"
                + " (" + (why == null ? e.getClass().getSimpleName() : why.lines().findFirst().orElse("")) + ")");
        ledger.finish(sourceFileId, "held_for_review", "could not be loaded: a value broke a rule of the store");
        log.warn("spreadsheet {} could not be loaded: {}", sourceFileId, e.getClass().getSimpleName());
    }
}
