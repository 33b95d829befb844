package org.medrec.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.Failures;
import org.medrec.record.FileOutcome;
import org.medrec.record.FieldValue;
import org.medrec.record.SourceRef;
import javax.sql.DataSource;
import org.medrec.record.Method;
import org.medrec.spreadsheet.mapping.PatientAssembly;
import org.medrec.spreadsheet.mapping.SourceMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.medrec.spreadsheet.mapping.FileRecords;
import org.medrec.spreadsheet.mapping.MappingCatalog;
import org.medrec.spreadsheet.mapping.SheetImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final RecordLoader loader;
    private final ReviewItemWriter items;
    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public SheetLoading(MappingCatalog catalog, RecordLoader loader, ReviewItemWriter items, Ledger ledger,
                        JdbcClient jdbc, DataSource dataSource) {
        this.sheets = new SheetImport(catalog);
        this.loader = loader;
        this.items = items;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * In its own transaction: one file that cannot be loaded must not undo the others, and a run
     * killed in the middle leaves nothing of the file behind (the next run loads it whole).
     * Rows are staged in the database as they are read, then loaded patient by patient, in bulk.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void load(UUID runId, long sourceFileId, Path file, String path, boolean delimited, LocalDate reference) {
        long started = System.nanoTime();
        SourceRef wholeFile = SourceRef.wholeFile(sourceFileId, path, Method.SPREADSHEET);
        SheetRowStage stage = new SheetRowStage(jdbc, dataSource, bad -> openBadRows(runId, sourceFileId, path, bad));
        SheetImport.Result result;
        jdbc.sql("SAVEPOINT sheet_read").update();
        try {
            List<Path> siblings = ledger.tableSiblings(runId, path).stream()
                    .map(p -> file.resolveSibling(Path.of(p).getFileName())).toList();
            try {
                result = sheets.read(file, delimited, sourceFileId, path, reference, siblings, stage);
            } catch (IOException | RuntimeException | Error e) {
                stage.abort();   // an open COPY must end before the connection is used again
                throw e;
            }
            stage.finishReading();
        } catch (IOException e) {
            jdbc.sql("ROLLBACK TO SAVEPOINT sheet_read").update();   // nothing of an unreadable file stays
            ledger.finish(sourceFileId, FileOutcome.QUARANTINED, "the spreadsheet cannot be read: "
                    + Failures.kind(e));
            log.info("quarantined spreadsheet {}: unreadable", sourceFileId);
            return;
        }
        if (stage.rows() == 0 && stage.badRows() == 0 && result.unmapped().isEmpty() && !result.lookups().isEmpty()) {
            SheetImport.LookupSheet table = result.lookups().get(0);
            ledger.finish(sourceFileId, FileOutcome.LOADED, "the " + table.table() + " look-up table of the " + table.mapping()
                    + " mapping: no patient data; rows of the export's other files name its values by key");
            log.info("spreadsheet {}: a look-up table", sourceFileId);
            return;
        }
        if (stage.rows() == 0 && stage.badRows() == 0 && result.unmapped().isEmpty() && !result.notMigrated().isEmpty()) {
            SheetImport.NotMigratedSheet kind = result.notMigrated().get(0);
            ledger.finish(sourceFileId, FileOutcome.LOADED, "not migrated by design: the " + kind.kind() + " of the "
                    + kind.mapping() + " mapping (" + kind.why() + ")");
            log.info("spreadsheet {}: a kind of file not migrated by design", sourceFileId);
            return;
        }
        if (stage.rows() == 0 && stage.badRows() == 0) {
            String why = result.unmapped().isEmpty() ? "no data rows"
                    : String.join("; ", result.unmapped().stream().map(u -> u.sheet() + ": " + u.reason()).toList());
            items.openForDocument(runId, wholeFile, null,
                    "no mapping under jobs/mappings fits this export, so it was not read (" + why + ")");
            ledger.finish(sourceFileId, FileOutcome.HELD_FOR_REVIEW, "no mapping fits this export");
            return;
        }
        long staged = System.nanoTime();
        RecordLoader.Batch batch = loader.batch(runId, sourceFileId);
        long[] lateBad = {0};
        if (stage.rows() > 0) {
            SourceMapping source = result.source();
            stage.eachPatient(rows -> {
                PatientAssembly patient = new PatientAssembly(source, sourceFileId, path, rows.get(0).mrn());
                rows.forEach(patient::add);
                PatientAssembly.Assembled assembled = patient.assemble();
                if (!assembled.badRows().isEmpty()) {
                    openBadRows(runId, sourceFileId, path, assembled.badRows());
                    lateBad[0] += assembled.badRows().size();
                }
                ExtractedRecord record = assembled.record();
                if (record != null) {
                    double confidence = record.fields().stream().mapToDouble(FieldValue::confidence).min().orElse(1.0);
                    batch.add(record, confidence);
                }
            });
        }
        batch.finish();
        log.info("spreadsheet {}: read and staged in {} ms, loaded in {} ms ({})", sourceFileId,
                (staged - started) / 1_000_000, (System.nanoTime() - staged) / 1_000_000, batch.statistics());
        for (SheetImport.UnmappedSheet sheet : result.unmapped()) {
            items.openForDocument(runId, new SourceRef(sourceFileId, path, null, null, sheet.sheet(), null, null,
                    Method.SPREADSHEET), result.source() == null ? null : result.source().identifierSystem(),
                    "sheet not read: " + sheet.reason());
        }
        long badRows = stage.badRows() + lateBad[0];
        String reason = batch.records() + " patient records (" + batch.held() + " held for review), "
                + badRows + " bad rows in review, read with the " + result.system() + " mapping";
        ledger.finish(sourceFileId, FileOutcome.LOADED, reason);
        log.info("spreadsheet {}: {} rows, {} records, {} held, {} bad rows, {} sheets not read in {} ms", sourceFileId,
                stage.rows(), batch.records(), batch.held(), badRows, result.unmapped().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void openBadRows(UUID runId, long sourceFileId, String path, List<FileRecords.BadRow> bad) {
        for (FileRecords.BadRow row : bad) {
            items.openForRow(runId, SourceRef.inSheet(sourceFileId, path, row.sheet(), row.row(), row.column()), row.mrn(),
                    row.raw(), row.identifierSystem(), "bad row " + row.row() + ": " + row.reason() + "; it was not loaded");
        }
    }

    /** A file whose loading broke a store rule (a defect, not the file's fault): held, with the reason. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(UUID runId, long sourceFileId, String path, org.springframework.dao.DataIntegrityViolationException e) {
        items.openForDocument(runId, SourceRef.wholeFile(sourceFileId, path, Method.SPREADSHEET), null,
                "could not be loaded: a value broke a rule of the store (" + Failures.kind(e) + ")");
        ledger.finish(sourceFileId, FileOutcome.HELD_FOR_REVIEW, "could not be loaded: a value broke a rule of the store");
        log.warn("spreadsheet {} could not be loaded: {}", sourceFileId, e.getClass().getSimpleName());
    }
}
