package org.medrec.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.medrec.spreadsheet.mapping.FileRecords;
import org.medrec.spreadsheet.mapping.MappedRow;
import org.medrec.spreadsheet.mapping.MappedValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Spills the good rows of one spreadsheet to a temporary table as they are read (one {@code COPY}
 * left open while the file is read, fed a quarter of a MB at a time, so the server stores rows
 * while the next ones are read; ended only when bad rows need the connection), then gives them back patient by patient, each patient's rows in the order
 * they were read. So grouping rows per patient holds one patient in memory, not the file. The
 * table lives in the caller's transaction and is dropped when it ends (commit or rollback). Bad
 * rows are handed on in small batches. Not thread-safe.
 */
final class SheetRowStage implements FileRecords.Sink {

    private static final int COPY_CHARS = 1 << 18;
    private static final int FETCH = 5000;
    private static final String SORT_MEMORY = "64MB";
    private static final int BAD_BATCH = 1000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Consumer<List<FileRecords.BadRow>> badRows;
    private final StringBuilder buffer = new StringBuilder(COPY_CHARS + 4096);
    private final StringBuilder scratch = new StringBuilder(1024);
    private final List<FileRecords.BadRow> bad = new ArrayList<>();
    private CopyIn.Stream copy;
    private long rows;
    private long badCount;

    SheetRowStage(JdbcClient jdbc, DataSource dataSource, Consumer<List<FileRecords.BadRow>> badRows) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.badRows = badRows;
        jdbc.sql("""
                CREATE TEMPORARY TABLE sheet_row_stage (seq bigint NOT NULL, mrn text NOT NULL, kind text NOT NULL,
                    sheet text NOT NULL, row_num integer NOT NULL, vals text NOT NULL) ON COMMIT DROP""").update();
    }

    @Override
    public void row(MappedRow row) {
        field(String.valueOf(rows++)).append('\t');
        field(row.mrn()).append('\t');
        field(row.kind()).append('\t');
        field(row.sheet()).append('\t');
        field(String.valueOf(row.row())).append('\t');
        scratch.setLength(0);
        encode(scratch, row.values());
        field(scratch).append('\n');
        if (buffer.length() >= COPY_CHARS) {
            send();
        }
    }

    /**
     * A row's values in the stage: each of a value's six parts as its length, a colon and its
     * text ({@code -1:} for null), so any text comes back as it was. Cheaper than JSON both ways
     * (JSON was a tenth of a sheet import's CPU).
     */
    static StringBuilder encode(StringBuilder scratch, List<MappedValue> values) {
        for (MappedValue v : values) {
            encode(scratch, v.template());
            encode(scratch, v.raw());
            encode(scratch, v.value());
            encode(scratch, Double.toString(v.confidence()));
            encode(scratch, v.column());
            encode(scratch, v.reason());
        }
        return scratch;
    }

    private static void encode(StringBuilder scratch, String part) {
        if (part == null) {
            scratch.append("-1:");
        } else if (part.indexOf('\u0000') >= 0 || part.indexOf('\u0001') >= 0) {
            // PostgreSQL's text holds no NUL: \u0001 escapes it (\u0001\u0002) and itself (\u0001\u0001); '!' says so
            String escaped = part.replace("\u0001", "\u0001\u0001").replace("\u0000", "\u0001\u0002");
            scratch.append(escaped.length()).append('!').append(escaped);
        } else {
            scratch.append(part.length()).append(':').append(part);
        }
    }

    /** The values {@link #encode} wrote. */
    static List<MappedValue> decode(String vals) {
        List<MappedValue> out = new ArrayList<>();
        int[] at = {0};
        while (at[0] < vals.length()) {
            out.add(new MappedValue(part(vals, at), part(vals, at), part(vals, at), Double.parseDouble(part(vals, at)),
                    part(vals, at), part(vals, at)));
        }
        return out;
    }

    private static String part(String vals, int[] at) {
        int colon = at[0] + 1;
        while (vals.charAt(colon) != ':' && vals.charAt(colon) != '!') {
            colon++;
        }
        int length = Integer.parseInt(vals, at[0], colon, 10);
        if (length < 0) {
            at[0] = colon + 1;
            return null;
        }
        String text = vals.substring(colon + 1, colon + 1 + length);
        at[0] = colon + 1 + length;
        if (vals.charAt(colon) == ':') {
            return text;
        }
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c == '\u0001' ? (text.charAt(++i) == '\u0002' ? '\u0000' : '\u0001') : c);
        }
        return out.toString();
    }

    @Override
    public void bad(FileRecords.BadRow row) {
        bad.add(row);
        badCount++;
        if (bad.size() >= BAD_BATCH) {
            flushBad();
        }
    }

    /** Good rows staged so far. */
    long rows() {
        return rows;
    }

    /** Bad rows handed on so far. */
    long badRows() {
        return badCount;
    }

    /** Writes what is still buffered; call once reading is done. */
    void finishReading() {
        endCopy();
        flushBad();
    }

    /** Every staged row, grouped by patient (MRN), each patient's rows in reading order. */
    void eachPatient(Consumer<List<MappedRow>> patient) {
        jdbc.sql("ANALYZE sheet_row_stage").update();
        // the server's memory, not the JVM's: the sort of a big sheet's rows in fewer runs on disk
        jdbc.sql("SET LOCAL work_mem = '" + SORT_MEMORY + "'").update();
        jdbc.sql("DECLARE sheet_rows NO SCROLL CURSOR FOR SELECT mrn, kind, sheet, row_num, vals FROM sheet_row_stage"
                + " ORDER BY mrn COLLATE \"C\", seq").update();
        List<MappedRow> current = new ArrayList<>();
        while (true) {
            List<MappedRow> page = jdbc.sql("FETCH " + FETCH + " FROM sheet_rows").query((rs, n) -> new MappedRow(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), decode(rs.getString(5)))).list();
            for (MappedRow row : page) {
                if (!current.isEmpty() && !current.get(0).mrn().equals(row.mrn())) {
                    patient.accept(List.copyOf(current));
                    current.clear();
                }
                current.add(row);
            }
            if (page.size() < FETCH) {
                break;
            }
        }
        if (!current.isEmpty()) {
            patient.accept(List.copyOf(current));
        }
        jdbc.sql("CLOSE sheet_rows").update();
    }

    /** Sends what is buffered to the open COPY (opened first when none is). */
    private void send() {
        if (buffer.length() > 0) {
            if (copy == null) {
                copy = CopyIn.open(dataSource, "sheet_row_stage (seq, mrn, kind, sheet, row_num, vals)");
            }
            copy.write(buffer);
            buffer.setLength(0);
        }
    }

    /** Sends what is buffered and ends the COPY, so the connection is free again. */
    private void endCopy() {
        send();
        if (copy != null) {
            CopyIn.Stream open = copy;
            copy = null;
            open.end();
        }
    }

    /** Gives an open COPY up (reading failed: the caller rolls back). */
    void abort() {
        if (copy != null) {
            copy.cancel();
            copy = null;
        }
        buffer.setLength(0);
    }

    private void flushBad() {
        if (!bad.isEmpty()) {
            endCopy();   // the bad rows' review items need the connection
            badRows.accept(List.copyOf(bad));
            bad.clear();
        }
    }

    /** Appends {@code s} escaped for COPY's text format, unescaped runs in one go. */
    private StringBuilder field(CharSequence s) {
        int from = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                buffer.append(s, from, i).append(switch (c) {
                    case '\\' -> "\\\\";
                    case '\t' -> "\\t";
                    case '\n' -> "\\n";
                    default -> "\\r";
                });
                from = i + 1;
            }
        }
        return buffer.append(s, from, n);
    }
}
