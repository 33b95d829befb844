package org.medrec.spreadsheet;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.medrec.intake.DelimitedRecords;
import org.medrec.intake.TextTableFormat;

/**
 * Reads a CSV or TSV file as one sheet named after the file, record by record
 * ({@link DelimitedRecords}: the header record is 1, a title line above it counts, a quoted field
 * with line breaks is one record, a blank line is an empty record). Every field is a TEXT cell, or
 * BLANK when empty: decimal commas, leading zeros and spaces are kept as written. A record that
 * cannot be split (a quote never closed) is a {@linkplain SheetRow#broken broken row} of its line.
 *
 * <p>Not thread-safe.
 */
final class DelimitedTableReader implements TableReader {

    private final Path file;
    private final TextTableFormat format;
    private final SheetInfo sheet;

    DelimitedTableReader(Path file, TextTableFormat format) {
        this.file = file;
        this.format = format;
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        this.sheet = new SheetInfo(0, dot > 0 ? name.substring(0, dot) : name, SheetInfo.Visibility.VISIBLE,
                Set.of(), List.of());
    }

    /** Detects the encoding and the delimiter; a file where none is found is read as one column. */
    static DelimitedTableReader open(Path file) throws IOException {
        TextTableFormat format = TextTableFormat.detect(file);
        return new DelimitedTableReader(file, format);
    }

    TextTableFormat format() {
        return format;
    }

    @Override
    public List<SheetInfo> sheets() {
        return List.of(sheet);
    }

    @Override
    public void read(SheetInfo which, RowHandler handler) throws IOException {
        if (!sheet.name().equals(which.name())) {
            throw new IllegalArgumentException("no sheet named '" + which.name() + "'");
        }
        char delimiter = format.delimiter() == 0 ? ',' : format.delimiter();
        try (Reader text = new InputStreamReader(TextTableFormat.skipBom(Files.newInputStream(file)), format.charset());
             DelimitedRecords records = new DelimitedRecords(text, delimiter)) {
            records.read(new DelimitedRecords.Handler() {
                @Override
                public boolean record(int number, String[] fields) {
                    List<SheetCell> cells = new ArrayList<>(fields.length);
                    for (int i = 0; i < fields.length; i++) {
                        cells.add(SheetCell.ofText(i, fields[i]));
                    }
                    return handler.row(new SheetRow(sheet.name(), number, cells));
                }

                @Override
                public boolean broken(int number, String line, long lineNumber) {
                    return handler.row(SheetRow.broken(sheet.name(), number, line, "a quote opened on line " + lineNumber
                            + " is not closed where the row ends, so the row could not be split into its columns"));
                }
            });
        }
    }

    @Override
    public void close() {
        // nothing is held open between reads
    }
}
