package org.medrec.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * Reads the sheets of a spreadsheet or delimited text file as {@link SheetRow}s, the same way for
 * XLSX (streamed: memory does not grow with the row count), XLS (read whole by HSSF) and CSV/TSV
 * (encoding and delimiter detected). Readers assume intake has already refused hostile files but
 * fail with a {@link TableReadException} rather than hang on a broken one.
 *
 * <p>Implementations are not thread-safe: use one reader per thread and close it.
 */
public interface TableReader extends AutoCloseable {

    /** The sheets in workbook order (one for CSV and TSV). */
    List<SheetInfo> sheets() throws IOException;

    /**
     * Hands the rows of a sheet to a handler, in row order, until the sheet ends or the handler
     * returns false. Rows missing from the file (never written) are not handed over; rows the
     * file stores without values are, as empty rows.
     */
    void read(SheetInfo sheet, RowHandler handler) throws IOException;

    /** The sheet with this name. */
    default SheetInfo sheet(String name) throws IOException {
        return sheets().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sheet named '" + name + "'"));
    }

    @Override
    void close() throws IOException;

    /**
     * Opens a file by what its bytes are, not its name: a ZIP container as XLSX, an OLE2
     * container as XLS (an encrypted OOXML workbook, also OLE2, is refused), Excel 2-4 and other
     * binary formats POI recognises are refused, anything else is read as delimited text.
     */
    static TableReader open(Path file) throws IOException {
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        return switch (magic) {
            case OOXML -> XlsxTableReader.open(file);
            case OLE2 -> XlsTableReader.open(file);
            case BIFF2, BIFF3, BIFF4 -> throw new TableReadException(TableReadException.Problem.UNSUPPORTED,
                    "an Excel 2.x-4.0 worksheet (" + magic + "); open it in Excel and save it as .xlsx", null);
            case UNKNOWN -> DelimitedTableReader.open(file);
            default -> throw new TableReadException(TableReadException.Problem.UNSUPPORTED,
                    "a " + magic + " file, neither a workbook nor delimited text", null);
        };
    }
}
