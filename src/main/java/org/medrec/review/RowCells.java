package org.medrec.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.medrec.intake.FileFormat;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.medrec.spreadsheet.HeaderColumn;
import org.medrec.spreadsheet.SheetCell;
import org.medrec.spreadsheet.mapping.MappingCatalog;
import org.medrec.spreadsheet.mapping.SheetImport;
import org.medrec.store.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A spreadsheet row that was not loaded, as a technician finishes it: the row is read again from
 * the original (the run's input folder and the item's path, while its SHA-256 is the one read:
 * {@link Originals}) with the mapping that read it, its cells shown under their headers; the cells
 * as corrected are read again as the import reads a row, so that every value keeps its column. A
 * cell the technician changed is {@code keyed}; one left as the file has it keeps its method
 * ({@code spreadsheet}); all are reviewed by the technician. A record that could not be split into
 * its columns (a stray quote) has no cells: it is keyed as record-model fields. Thread-safe.
 */
@Component
class RowCells {

    /** One cell under its header: the column letter, the header, the text as stored (or as Excel shows it), and whether it is the bad one. */
    record Cell(String column, String header, String text, boolean bad) {
    }

    /** The row as found in the original, with what reading it again needs. */
    record Row(List<Cell> cells, String broken, String raw, SheetImport.SourceRow source) {
        boolean isBroken() {
            return broken != null;
        }
    }

    /** The record the corrected cells give (null when refused), or the problem and the column it is in. */
    record Finished(ExtractedRecord record, int values, String column, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(RowCells.class);

    private final ItemDetails details;
    private final Originals originals;
    private final SheetImport sheets;
    private final Ledger ledger;

    RowCells(ItemDetails details, Originals originals, MappingCatalog mappings, Ledger ledger) {
        this.details = details;
        this.originals = originals;
        this.sheets = new SheetImport(mappings);
        this.ledger = ledger;
    }

    /** The item's row as the original holds it; empty when the original is gone or changed, or has no such row. */
    Optional<Row> read(ItemDetails.Item item) {
        if (item.row() == null || item.sheet() == null || item.source() == null || originals.check(item) != Originals.State.SAME) {
            return Optional.empty();
        }
        FileFormat format = FileFormat.valueOf(item.format());
        try {
            UUID run = item.runId();
            List<Path> siblings = run == null ? List.of() : ledger.tableSiblings(run, item.path()).stream()
                    .map(p -> item.source().resolveSibling(Path.of(p).getFileName())).filter(Files::isRegularFile).toList();
            return sheets.row(item.source(), format.isDelimitedText(), item.sheet(), item.row(), siblings).map(found -> {
                if (found.row().broken() != null) {
                    return new Row(List.of(), found.row().broken(), found.row().text(0), found);
                }
                List<Cell> cells = new ArrayList<>();
                for (HeaderColumn column : found.header().columns()) {
                    if (column.name().isEmpty()) {
                        continue;
                    }
                    String text = found.row().cell(column.column()).map(SheetCell::formatted).orElse("");
                    cells.add(new Cell(column.columnName(), column.name(), text, column.columnName().equals(item.column())));
                }
                return new Row(List.copyOf(cells), null, null, found);
            });
        } catch (IOException | RuntimeException e) {
            log.warn("row of source file {}: the original cannot be read again ({})", item.sourceFileId(),
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * Reads the item's row again with {@code typed} (cell text by column letter) in place of the
     * file's cells; a column not typed keeps the file's cell. The record's values are reviewed by
     * the technician; a changed cell's values are {@code keyed}.
     */
    Finished finish(UUID itemId, Map<String, String> typed, LocalDate today) {
        ItemDetails.Item item = details.find(itemId).orElseThrow();
        Optional<Row> found = read(item);
        if (found.isEmpty()) {
            return refused(null, "the row cannot be read again from its original (gone, changed, or no longer"
                    + " there): key it as record-model fields (--record with \"records\")");
        }
        Row row = found.get();
        if (row.isBroken()) {
            return refused(null, "this record could not be split into its columns: key it as record-model fields");
        }
        List<SheetCell> cells = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (HeaderColumn column : row.source().header().columns()) {
            Optional<SheetCell> original = row.source().row().cell(column.column());
            String text = typed.get(column.columnName());
            String shown = original.map(SheetCell::formatted).orElse("");
            if (text == null || text.strip().equals(shown.strip())) {
                original.ifPresent(cells::add);
            } else {
                cells.add(SheetCell.ofText(column.column(), text.strip()));
                changed.add(column.columnName());
            }
        }
        SheetImport.Reread reread = SheetImport.reread(row.source(), cells, item.sourceFileId(), item.path(), today);
        if (reread.bad() != null) {
            return refused(reread.bad().column(), (reread.bad().column() == null ? "" : "column " + reread.bad().column()
                    + ": ") + reread.bad().reason());
        }
        if (reread.record() == null) {
            return refused(null, "the row gives no record");
        }
        ExtractedRecord record = reread.record();
        List<FieldValue> fields = new ArrayList<>();
        for (FieldValue f : record.fields()) {
            if (f.needsReview()) {   // a value not read, or read two ways (a two-digit year): typed so that it is certain
                return refused(f.source().column(), "column " + f.source().column() + ": " + f.reviewReason());
            }
            SourceRef s = f.source();
            Method method = changed.contains(s.column()) ? Method.KEYED : s.method();
            fields.add(new FieldValue(f.path(), f.raw(), f.value(), 1.0,
                    new SourceRef(s.sourceFileId(), s.path(), s.page(), s.box(), s.sheet(), s.row(), s.column(), method), null));
        }
        return new Finished(new ExtractedRecord(record.identifierSystem(), record.mrn(), record.docType(), fields),
                fields.size(), null, null);
    }

    private static Finished refused(String column, String problem) {
        return new Finished(null, 0, column, problem);
    }
}
