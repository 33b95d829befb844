package org.medrec.spreadsheet.mapping;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.medrec.record.ExtractedRecord;
import org.medrec.spreadsheet.ClassifiedRow;
import org.medrec.spreadsheet.HeaderLocator;
import org.medrec.spreadsheet.RowRole;
import org.medrec.spreadsheet.SheetCell;
import org.medrec.spreadsheet.SheetInfo;
import org.medrec.spreadsheet.SheetRow;
import org.medrec.spreadsheet.TableHeader;
import org.medrec.spreadsheet.TableReader;

/**
 * Reads one spreadsheet file with the source-system mapping its headers fit: every data row
 * becomes values of its patient's record, or a bad row. A sheet that no mapping fits (or that
 * fits another system than the file's other sheets) is not read by a guess: it is reported, and
 * the caller sends the file to review. Not thread-safe.
 */
public final class SheetImport {

    /**
     * What a file gave: records per patient, bad rows, sheets that could not be read with a
     * mapping, and sheets that are a mapping's look-up table (no patient data; other files' rows
     * name their values by key).
     */
    public record Result(String system, List<ExtractedRecord> records, List<FileRecords.BadRow> badRows,
                         List<UnmappedSheet> unmapped, List<LookupSheet> lookups, List<NotMigratedSheet> notMigrated,
                         SourceMapping source) {
    }

    /** A sheet that is a look-up table of a mapping ({@code payers} of {@code synthea}). */
    /** A sheet of a kind the mapping names as not migrated by design, and why. */
    public record NotMigratedSheet(String sheet, String mapping, String kind, String why) {
    }

    public record LookupSheet(String sheet, String mapping, String table) {
    }

    /** A sheet that was not read, and why (its headers are named, never its cells). */
    public record UnmappedSheet(String sheet, String reason) {
    }

    private final MappingCatalog catalog;
    private final HeaderLocator locator = new HeaderLocator();

    public SheetImport(MappingCatalog catalog) {
        this.catalog = catalog;
    }

    /** {@code delimited}: a CSV/TSV file, whose one table is named by its mapping's kind. */
    public Result read(Path file, boolean delimited, long sourceFileId, String path, LocalDate reference) throws IOException {
        return read(file, delimited, sourceFileId, path, reference, List.of());
    }

    /**
     * As {@link #read(Path, boolean, long, String, LocalDate)}; {@code siblings} are the files beside
     * it that a look-up may open (intake accepted them). A column that names a look-up table's key
     * is read from the one sibling whose headers fit that table.
     */
    public Result read(Path file, boolean delimited, long sourceFileId, String path, LocalDate reference,
                       List<Path> siblings) throws IOException {
        return read(file, delimited, sourceFileId, path, reference, siblings, null);
    }

    /**
     * As {@link #read(Path, boolean, long, String, LocalDate, List)}, handing every good and bad row
     * to {@code sink} as it is read (a null sink: kept in memory and returned in the result), so
     * that memory does not grow with the file. The result's records and bad rows are then empty.
     */
    public Result read(Path file, boolean delimited, long sourceFileId, String path, LocalDate reference,
                       List<Path> siblings, FileRecords.Sink sink) throws IOException {
        List<UnmappedSheet> unmapped = new ArrayList<>();
        List<LookupSheet> lookups = new ArrayList<>();
        List<NotMigratedSheet> notMigrated = new ArrayList<>();
        Map<SourceMapping.Lookup, LookupTable> tables = new HashMap<>();
        FileRecords[] records = {null};
        SourceMapping[] system = {null};
        try (TableReader reader = TableReader.open(file)) {
            for (SheetInfo sheet : reader.sheets()) {
                List<SheetRow> leading = new ArrayList<>();
                boolean decided = scan(reader, sheet, leading,
                        () -> start(sheet, leading, records, system, sourceFileId, path, reference, sink, unmapped, delimited,
                                lookups, notMigrated, table -> tables.computeIfAbsent(table,
                                        t -> LookupTable.read(t, file, siblings, locator))),
                        (target, classified) -> {
                            if (classified.isData()) {
                                target.add(classified.row());
                            }
                        });
                if (!decided && !leading.stream().allMatch(SheetRow::isEmpty)) {
                    unmapped.add(new UnmappedSheet(sheet.name(), "no data rows below a header"));
                }
            }
        }
        if (records[0] == null) {
            return new Result(null, List.of(), List.of(), unmapped, lookups, notMigrated, null);
        }
        return new Result(system[0].name(), records[0].records(), records[0].badRows(), unmapped, lookups, notMigrated,
                system[0]);
    }

    /**
     * One data row of a file that {@link #read} read, with what reading it again takes: the
     * mapping and sheet mapping that read it, the sheet's header and label, and the look-up tables
     * of its columns. Immutable.
     */
    public record SourceRow(SourceMapping source, SheetMapping mapping, TableHeader header, String label, SheetRow row,
                            Map<String, LookupTable> tables) {

        /** The record-model paths the sheet's columns fill ({@code encounters[].date}). */
        public List<String> paths() {
            return header.columns().stream().flatMap(c -> mapping.pathsOf(c.name()).stream()).distinct().toList();
        }
    }

    /** A row read again: its patient's record (null when the row is bad), or why it is bad. */
    public record Reread(ExtractedRecord record, FileRecords.BadRow bad) {
    }

    private static final class Found extends RuntimeException {
        private final transient SourceRow row;

        Found(SourceRow row) {
            super(null, null, false, false);
            this.row = row;
        }
    }

    /**
     * Finds row {@code rowNumber} of the sheet labelled {@code label} (as {@link #read} labels it: the
     * sheet's name, or for CSV/TSV the mapping's kind), reading the file only as far as that row.
     * Empty when no sheet of the file is read with that label or it has no such data row.
     */
    public Optional<SourceRow> row(Path file, boolean delimited, String label, int rowNumber, List<Path> siblings)
            throws IOException {
        try (TableReader reader = TableReader.open(file)) {
            for (SheetInfo sheet : reader.sheets()) {
                List<SheetRow> leading = new ArrayList<>();
                try {
                    scan(reader, sheet, leading, () -> header(file, sheet, leading, delimited, siblings).orElse(null),
                            (h, classified) -> {
                                if (h.label().equals(label) && classified.isData() && classified.row().rowNumber() == rowNumber) {
                                    throw new Found(new SourceRow(h.source(), h.mapping(), h.header(), h.label(),
                                            classified.row(), h.tables()));
                                }
                            });
                } catch (Found found) {
                    return Optional.of(found.row);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Scans a sheet: the rows before its first data row are kept in {@code leading}; at that row
     * {@code start} decides how the sheet is read (null: it is not), and that row and every one after
     * it go to {@code rows} with what {@code start} gave. Returns whether a data row was found.
     */
    private <T> boolean scan(TableReader reader, SheetInfo sheet, List<SheetRow> leading, Supplier<T> start,
                             BiConsumer<T, ClassifiedRow> rows) throws IOException {
        List<T> target = new ArrayList<>(1);
        boolean[] decided = {false};
        locator.scan(reader, sheet, classified -> {
            if (!decided[0] && classified.role() != RowRole.DATA) {
                leading.add(classified.row());
                return;
            }
            if (!decided[0]) {
                decided[0] = true;
                target.add(start.get());
            }
            if (target.get(0) != null) {
                rows.accept(target.get(0), classified);
            }
        });
        return decided[0];
    }

    /** The sheet's header and the one mapping that fits it, as {@link #read} finds them (no row yet). */
    private Optional<SourceRow> header(Path file, SheetInfo sheet, List<SheetRow> leading, boolean delimited,
                                       List<Path> siblings) {
        Optional<TableHeader> header = locator.locate(sheet, leading);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = header.get().names();
        List<MappingCatalog.Match> candidates = catalog.candidates(names);
        if (candidates.size() != 1 || !catalog.lookupCandidates(names).isEmpty()
                || !catalog.notMigratedCandidates(names).isEmpty()) {
            return Optional.empty();
        }
        MappingCatalog.Match match = candidates.get(0);
        Map<String, LookupTable> tables = new HashMap<>();
        match.sheet().lookUps().values().forEach(name -> tables.put(name,
                LookupTable.read(match.source().lookup(name), file, siblings, locator)));
        return Optional.of(new SourceRow(match.source(), match.sheet(), header.get(),
                delimited ? match.sheet().kind() : sheet.name(), null, tables));
    }

    /** Reads {@code row} again as {@link #read} reads a data row, with {@code cells} in place of the file's. */
    public static Reread reread(SourceRow row, List<SheetCell> cells, long sourceFileId, String path, LocalDate reference) {
        FileRecords records = new FileRecords(row.source(), sourceFileId, path, reference);
        records.sheet(row.mapping(), row.header(), row.label(), row.tables())
                .add(new SheetRow(row.row().sheet(), row.row().rowNumber(), cells));
        List<FileRecords.BadRow> bad = records.badRows();
        if (!bad.isEmpty()) {
            return new Reread(null, bad.get(0));
        }
        return new Reread(records.records().isEmpty() ? null : records.records().get(0), null);
    }

    private FileRecords.Sheet start(SheetInfo sheet, List<SheetRow> leading, FileRecords[] records, SourceMapping[] system,
                                    long sourceFileId, String path, LocalDate reference, FileRecords.Sink sink,
                                    List<UnmappedSheet> unmapped,
                                    boolean delimited, List<LookupSheet> lookups, List<NotMigratedSheet> notMigrated,
                                    Function<SourceMapping.Lookup, LookupTable> tables) {
        Optional<TableHeader> header = locator.locate(sheet, leading);
        if (header.isEmpty()) {
            unmapped.add(new UnmappedSheet(sheet.name(), "no header row found"));
            return null;
        }
        List<String> names = header.get().names();
        List<MappingCatalog.Match> candidates = catalog.candidates(names);
        List<MappingCatalog.LookupMatch> lookupTables = catalog.lookupCandidates(names);
        List<MappingCatalog.NotMigratedMatch> leftOut = catalog.notMigratedCandidates(names);
        int fits = candidates.size() + lookupTables.size() + leftOut.size();
        if (fits != 1) {
            unmapped.add(new UnmappedSheet(sheet.name(), (fits == 0 ? "no mapping fits its headers "
                    : fits + " mappings fit its headers ") + names));
            return null;
        }
        if (!leftOut.isEmpty()) {
            MappingCatalog.NotMigratedMatch kind = leftOut.get(0);
            notMigrated.add(new NotMigratedSheet(sheet.name(), kind.source().name(), kind.kind().name(), kind.kind().why()));
            return null;
        }
        if (!lookupTables.isEmpty()) {
            MappingCatalog.LookupMatch table = lookupTables.get(0);
            lookups.add(new LookupSheet(sheet.name(), table.source().name(), table.lookup().name()));
            return null;
        }
        MappingCatalog.Match match = candidates.get(0);
        if (system[0] != null && system[0] != match.source()) {
            unmapped.add(new UnmappedSheet(sheet.name(), "its headers fit " + match.source().name()
                    + ", the file's other sheets " + system[0].name()));
            return null;
        }
        if (records[0] == null) {
            system[0] = match.source();
            records[0] = sink == null ? new FileRecords(match.source(), sourceFileId, path, reference)
                    : new FileRecords(match.source(), sourceFileId, path, reference, sink);
        }
        Map<String, LookupTable> sheetTables = new HashMap<>();
        match.sheet().lookUps().values().forEach(name -> sheetTables.put(name, tables.apply(match.source().lookup(name))));
        return records[0].sheet(match.sheet(), header.get(), delimited ? match.sheet().kind() : sheet.name(), sheetTables);
    }
}
