package org.medrec.spreadsheet.mapping;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medrec.record.ReviewPolicy;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.SourceRef;
import org.medrec.extraction.validation.Cvx;
import org.medrec.extraction.validation.FieldRules;
import org.medrec.extraction.validation.Icd10;
import org.medrec.extraction.validation.Names;
import org.medrec.extraction.validation.Normalized;
import org.medrec.spreadsheet.HeaderColumn;
import org.medrec.spreadsheet.SheetCell;
import org.medrec.spreadsheet.SheetRow;
import org.medrec.spreadsheet.TableHeader;

/**
 * Turns the data rows of one file's mapped sheets into one record per patient (entries numbered
 * per patient in row order, sheet by sheet, as the record model counts them) and a list of bad
 * rows. A bad row (no MRN, an impossible date, a non-numeric charge, an exact duplicate) is never
 * loaded and never stops the file: it is reported with sheet, row, column and why. A doubtful
 * value (an ambiguous date) stays in its patient's record, marked for review. Not thread-safe.
 */
public final class FileRecords {

    /** A row that must not be loaded as it is. */
    public record BadRow(String sheet, int row, String column, String raw, String reason, String mrn,
                         String identifierSystem) {
    }

    /**
     * Where the rows of a file go as they are read: each good row with its values, each bad row.
     * The in-memory one groups rows per patient; the spreadsheet stage spills them to the
     * database instead, so that memory does not grow with the file.
     */
    public interface Sink {
        void row(MappedRow row);

        void bad(BadRow row);
    }

    static final double SHEET_CONFIDENCE = 1.0;

    private final SourceMapping source;
    private final long sourceFileId;
    private final String path;
    private final FieldReader reader;
    private final Sink sink;
    private final Map<String, PatientAssembly> patients;   // only when this keeps the rows itself
    private final List<BadRow> badRows = new ArrayList<>();

    /** Keeps every patient's rows in memory: for small files and tests ({@link #records()}, {@link #badRows()}). */
    public FileRecords(SourceMapping source, long sourceFileId, String path, LocalDate reference) {
        this.source = source;
        this.sourceFileId = sourceFileId;
        this.path = path;
        this.reader = new FieldReader(source, reference);
        this.patients = new LinkedHashMap<>();
        this.sink = new Sink() {
            @Override
            public void row(MappedRow row) {
                patients.computeIfAbsent(row.mrn(), k -> new PatientAssembly(source, sourceFileId, path, k)).add(row);
            }

            @Override
            public void bad(BadRow row) {
                badRows.add(row);
            }
        };
    }

    /** Hands every row to {@code sink} as it is read ({@link #records()} and {@link #badRows()} stay empty). */
    public FileRecords(SourceMapping source, long sourceFileId, String path, LocalDate reference, Sink sink) {
        this.source = source;
        this.sourceFileId = sourceFileId;
        this.path = path;
        this.reader = new FieldReader(source, reference);
        this.patients = null;
        this.sink = sink;
    }

    /**
     * Reads the data rows of one sheet of the file, which the given mapping fits. {@code label}
     * names the sheet in sources and bad rows: the workbook's sheet name, or for CSV/TSV (one
     * table, no sheet names) the mapping's kind.
     */
    public Sheet sheet(SheetMapping mapping, TableHeader header, String label) {
        return new Sheet(mapping, header, label, Map.of());
    }

    /** As {@link #sheet(SheetMapping, TableHeader, String)}, with the tables of the mapping's look-up columns by name. */
    Sheet sheet(SheetMapping mapping, TableHeader header, String label, Map<String, LookupTable> tables) {
        return new Sheet(mapping, header, label, tables);
    }

    /** One record per patient, in the order patients first appear (in-memory only). */
    public List<ExtractedRecord> records() {
        if (patients == null) {
            return List.of();
        }
        return patients.values().stream().map(PatientAssembly::assemble).map(PatientAssembly.Assembled::record)
                .filter(java.util.Objects::nonNull).toList();
    }

    /** The bad rows: those found while reading, then those found per patient (in-memory only). */
    public List<BadRow> badRows() {
        List<BadRow> all = new ArrayList<>(badRows);
        if (patients != null) {
            patients.values().forEach(p -> all.addAll(p.assemble().badRows()));
        }
        return List.copyOf(all);
    }

    /** The mapping the file is read with. */
    public SourceMapping source() {
        return source;
    }

    /** A value read from a cell, before its entry index is known ({@code encounters[].date}). */
    private record Pending(String template, String raw, String value, double confidence, SourceRef source, String reason) {
        MappedValue mapped() {
            return new MappedValue(template, raw, value, confidence, source.column(), reason);
        }
    }

    /** The rows of one sheet. */
    public final class Sheet {
        private final SheetMapping mapping;
        private final TableHeader header;
        private final String label;
        private final Map<String, LookupTable> tables;
        private final RowFingerprints seenRows = new RowFingerprints();

        private Sheet(SheetMapping mapping, TableHeader header, String label, Map<String, LookupTable> tables) {
            this.mapping = mapping;
            this.header = header;
            this.label = label;
            this.tables = Map.copyOf(tables);
        }

        /** Adds one data row (title, empty and totals rows are the caller's to skip). */
        public void add(SheetRow row) {
            if (row.broken() != null) {
                bad(row, null, row.text(0), row.broken(), null);
                return;
            }
            int first = seenRows.firstRowOf(canonical(row), row.rowNumber());
            String mrn = mrnOf(row);
            if (first != row.rowNumber()) {
                bad(row, null, null, "exact duplicate of row " + first, mrn);
                return;
            }
            if (mrn == null) {
                String raw = mrnText(row);
                bad(row, mrnColumn(), raw, raw == null || raw.isBlank() || FieldRules.meansNoValue(raw) ? "missing MRN"
                        : "'" + raw.strip() + "' is not an MRN in this clinic's format", null);
                return;
            }
            List<Pending> values = new ArrayList<>();
            if (!readRow(row, mrn, values)) {
                return;
            }
            sink.row(new MappedRow(mrn, mapping.kind(), label, row.rowNumber(), values.stream().map(Pending::mapped).toList()));
        }

        /**
         * What makes two rows the same row: each non-blank cell by its column, a mapped cell in its
         * normal form (a date stored as a date in one row and as text in its copy, an MRN that lost its
         * zeros in one of them, are still the same value), any other cell as written, without the
         * spaces around it. A cell left out and a blank one are alike.
         */
        private List<String> canonical(SheetRow row) {
            List<String> out = new ArrayList<>();
            for (SheetCell cell : row.cells()) {
                if (cell.isEmpty() || cell.text().isBlank()) {
                    continue;
                }
                String text = cell.text().strip();
                HeaderColumn column = header.columns().stream().filter(c -> c.column() == cell.column()).findFirst().orElse(null);
                List<String> paths = column == null ? List.of() : mapping.pathsOf(column.name());
                if (paths.size() == 1 && paths.get(0).equals("mrn")) {
                    String mrn = source.mrn().normalise(text);
                    text = mrn == null ? text : mrn;
                } else if (paths.size() == 1 && !paths.get(0).contains("[*]") && paths.get(0).contains(".")) {
                    String template = paths.get(0);
                    String list = beforeIndex(template.substring(0, template.indexOf('.')));
                    String field = beforeIndex(template.substring(template.lastIndexOf('.') + 1));
                    Normalized n = reader.read(list, field, cell);
                    text = n.value() != null && n.status() != Normalized.Status.INVALID ? n.value() : text;
                }
                out.add(cell.column() + "\u001f" + text);
            }
            return out;
        }

        /** Reads every mapped cell of the row; false when the row is bad (and reported). */
        private boolean readRow(SheetRow row, String mrn, List<Pending> values) {
            String vaccine = null;
            Pending cvx = null;
            for (HeaderColumn column : header.columns()) {
                List<String> paths = mapping.pathsOf(column.name());
                if (paths.isEmpty() || hasValue(row, mapping.fallbackOf(column.name()))) {
                    continue;
                }
                SheetCell cell = row.cell(column.column()).orElse(SheetCell.ofText(column.column(), ""));
                if (mapping.meansNoValue(column.name(), cell.text())) {
                    continue;   // the system's word for "no value" (Synthea's ZIP 00000)
                }
                SourceRef where = SourceRef.inSheet(sourceFileId, path, label, row.rowNumber(), cell.columnName());
                String table = mapping.lookUpOf(column.name());
                for (String template : paths) {
                    List<Pending> read = table == null ? readCell(template, cell, where, mrn)
                            : lookUp(template, cell, where, mrn, column.name(), table);
                    if (read == null && ReviewPolicy.isDetail(template)) {
                        // a detail (a phone, an address) identifies nothing: it waits alone, the row loads
                        read = List.of(new Pending(template, cell.text(), null, ReviewPolicy.DOUBTFUL_CONFIDENCE, where,
                                problemOf(template, cell) + " in " + column.name()));
                    } else if (read == null) {
                        bad(row, cell.columnName(), cell.text(), problemOf(template, cell) + " in " + column.name(), mrn);
                        return false;
                    }
                    for (Pending v : read) {
                        if (v.template().endsWith(".vaccine")) {
                            vaccine = v.value();
                        } else if (v.template().endsWith(".cvx")) {
                            cvx = v;
                        }
                    }
                    values.addAll(read);
                }
            }
            if (vaccine != null && cvx != null && cvx.value() != null) {
                Normalized agree = Cvx.consistent(vaccine, cvx.value());
                if (agree.status() == Normalized.Status.INVALID) {
                    values.set(values.indexOf(cvx), new Pending(cvx.template(), cvx.raw(), cvx.value(), ReviewPolicy.DOUBTFUL_CONFIDENCE,
                            cvx.source(), agree.problem()));
                }
            }
            return true;
        }

        /** Whether the row has a value in the column of this header (false for a null header or a column the sheet lacks). */
        private boolean hasValue(SheetRow row, String otherHeader) {
            return otherHeader != null && header.column(otherHeader).map(c -> !row.text(c.column()).isBlank()).orElse(false);
        }

        /**
         * A cell that holds a key of a look-up table is read as the table's value (the raw text
         * stays the key). A key the table lacks, or a table that is missing, gives no value but a
         * reason: the patient's record is held for a person to type the value.
         */
        private List<Pending> lookUp(String template, SheetCell cell, SourceRef where, String mrn, String columnName,
                                     String table) {
            if (cell.isEmpty() || cell.text().isBlank()) {
                return List.of();
            }
            LookupTable lookup = tables.get(table);
            if (lookup.problem() != null && source.lookup(table).optional()) {
                return List.of();   // the table is not beside the export: an optional value stays empty
            }
            LookupTable.Found found = lookup.find(cell.text().strip());
            if (found.value() == null) {
                return List.of(new Pending(template, cell.text(), null, ReviewPolicy.DOUBTFUL_CONFIDENCE, where,
                        columnName + " is a key of the " + table + " table: " + found.problem()));
            }
            List<Pending> read = readCell(template, SheetCell.ofText(cell.column(), found.value()), where, mrn);
            return read == null ? null : read.stream()
                    .map(v -> new Pending(v.template(), cell.text(), v.value(), v.confidence(), v.source(), v.reason()))
                    .toList();
        }

        /** The values a cell gives for one path template; null when the cell's value is invalid. */
        private List<Pending> readCell(String template, SheetCell cell, SourceRef where, String mrn) {
            String list = beforeIndex(template.substring(0, template.indexOf('.') < 0 ? template.length() : template.indexOf('.')));
            String field = beforeIndex(template.substring(template.lastIndexOf('.') + 1));
            if (template.equals("mrn")) {
                return List.of(new Pending("mrn", cell.text(), mrn, SHEET_CONFIDENCE, where, null));
            }
            if (template.equals("patient.name")) {
                return name(cell, where);
            }
            if (template.equals("patient.address.lines")) {
                return lines(cell, where);
            }
            if (template.equals("patient.given")) {
                return givenNames(cell, where);
            }
            if (template.contains("[*]")) {
                List<Pending> all = new ArrayList<>();
                for (Normalized code : Icd10.normalizeAll(cell.text())) {
                    if (code.status() == Normalized.Status.INVALID) {
                        return null;
                    }
                    if (code.status() != Normalized.Status.EMPTY) {
                        all.add(value(template.replace("[*]", "[]"), cell.text(), code, where));
                    }
                }
                return all;
            }
            Normalized read = reader.read(list, field, cell);
            return switch (read.status()) {
                case EMPTY -> List.of();
                case INVALID -> null;
                default -> List.of(value(template, cell.text(), read, where));
            };
        }

        private String problemOf(String template, SheetCell cell) {
            String list = template.replaceAll("[.\\[].*", "");
            String field = template.substring(template.lastIndexOf('.') + 1).replaceAll("\\[.*", "");
            if (template.contains("[*]")) {
                return Icd10.normalizeAll(cell.text()).stream().filter(n -> n.status() == Normalized.Status.INVALID)
                        .map(Normalized::problem).findFirst().orElse("invalid value");
            }
            Normalized read = reader.read(list, field, cell);
            return read.problem() == null ? "invalid value" : read.problem();
        }

        private List<Pending> name(SheetCell cell, SourceRef where) {
            if (cell.isEmpty()) {
                return List.of();
            }
            Names.PersonName name = Names.parse(cell.text().strip(), Names.Order.FAMILY_FIRST);
            String reason = name.result().status() == Normalized.Status.OK ? null : name.result().problem();
            List<Pending> out = new ArrayList<>();
            String raw = cell.text();
            double confidence = reason == null ? SHEET_CONFIDENCE : ReviewPolicy.DOUBTFUL_CONFIDENCE;
            if (name.family() != null) {
                out.add(new Pending("patient.family", raw, name.family(), confidence, where, reason));
            }
            for (int i = 0; name.given() != null && i < name.given().size(); i++) {
                out.add(new Pending("patient.given[" + i + "]", raw, name.given().get(i), confidence, where, reason));
            }
            if (name.suffix() != null) {
                out.add(new Pending("patient.suffix", raw, name.suffix(), confidence, where, reason));
            }
            if (out.isEmpty()) {
                out.add(new Pending("patient.family", raw, null, ReviewPolicy.DOUBTFUL_CONFIDENCE, where,
                        reason == null ? "name not understood" : reason));
            }
            return out;
        }

        /** "Rebecca Laura" in one column: the first name and the middle name, as written. */
        private List<Pending> givenNames(SheetCell cell, SourceRef where) {
            List<Pending> out = new ArrayList<>();
            int i = 0;
            for (String part : cell.text().strip().split("\\s+")) {
                if (!part.isEmpty()) {
                    out.add(new Pending("patient.given[" + i++ + "]", cell.text(), part.replaceAll("\\.$", ""),
                            SHEET_CONFIDENCE, where, null));
                }
            }
            return out;
        }

        private List<Pending> lines(SheetCell cell, SourceRef where) {
            List<Pending> out = new ArrayList<>();
            String[] parts = cell.text().split("\\R");
            int i = 0;
            for (String part : parts) {
                if (!part.isBlank()) {
                    out.add(new Pending("patient.address.line[" + i++ + "]", cell.text(), part.strip(), SHEET_CONFIDENCE,
                            where, null));
                }
            }
            return out;
        }

        private Pending value(String template, String raw, Normalized read, SourceRef where) {
            boolean doubtful = read.status() == Normalized.Status.AMBIGUOUS;
            return new Pending(template, raw, read.value(), doubtful ? ReviewPolicy.DOUBTFUL_CONFIDENCE : SHEET_CONFIDENCE, where,
                    doubtful ? read.problem() : null);
        }

        private String mrnColumn() {
            return header.columns().stream().filter(c -> mapping.pathsOf(c.name()).contains("mrn"))
                    .map(HeaderColumn::columnName).findFirst().orElse(null);
        }

        private String mrnText(SheetRow row) {
            return header.columns().stream().filter(c -> mapping.pathsOf(c.name()).contains("mrn"))
                    .map(c -> row.text(c.column())).findFirst().orElse(null);
        }

        private String mrnOf(SheetRow row) {
            return source.mrn().normalise(mrnText(row));
        }

        private void bad(SheetRow row, String column, String raw, String reason, String mrn) {
            sink.bad(new BadRow(label, row.rowNumber(), column, raw, reason, mrn, source.identifierSystem()));
        }
    }

    /** A path step without its index: {@code encounters[*]} is {@code encounters} (templates hold no line breaks). */
    static String beforeIndex(String step) {
        int bracket = step.indexOf('[');
        return bracket < 0 ? step : step.substring(0, bracket);
    }
}
