package org.medrec.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.medrec.spreadsheet.mapping.FileRecords;
import org.medrec.spreadsheet.mapping.MappedRow;
import org.medrec.spreadsheet.mapping.MappedValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spills the good rows of one spreadsheet to a temporary table as they are read ({@code COPY},
 * a few MB at a time), then gives them back patient by patient, each patient's rows in the order
 * they were read. So grouping rows per patient holds one patient in memory, not the file. The
 * table lives in the caller's transaction and is dropped when it ends (commit or rollback). Bad
 * rows are handed on in small batches. Not thread-safe.
 */
final class SheetRowStage implements FileRecords.Sink {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int COPY_CHARS = 4 << 20;
    private static final int FETCH = 5000;
    private static final int BAD_BATCH = 1000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Consumer<List<FileRecords.BadRow>> badRows;
    private final StringBuilder buffer = new StringBuilder(COPY_CHARS + 4096);
    private final List<FileRecords.BadRow> bad = new ArrayList<>();
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
        List<Object[]> values = new ArrayList<>(row.values().size());
        for (MappedValue v : row.values()) {
            values.add(new Object[] {v.template(), v.raw(), v.value(), v.confidence(), v.column(), v.reason()});
        }
        field(String.valueOf(rows++)).append('\t');
        field(row.mrn()).append('\t');
        field(row.kind()).append('\t');
        field(row.sheet()).append('\t');
        field(String.valueOf(row.row())).append('\t');
        field(JSON.writeValueAsString(values)).append('\n');
        if (buffer.length() >= COPY_CHARS) {
            copy();
        }
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
        copy();
        flushBad();
    }

    /** Every staged row, grouped by patient (MRN), each patient's rows in reading order. */
    void eachPatient(Consumer<List<MappedRow>> patient) {
        jdbc.sql("ANALYZE sheet_row_stage").update();
        jdbc.sql("DECLARE sheet_rows NO SCROLL CURSOR FOR SELECT mrn, kind, sheet, row_num, vals FROM sheet_row_stage"
                + " ORDER BY mrn COLLATE \"C\", seq").update();
        List<MappedRow> current = new ArrayList<>();
        while (true) {
            List<MappedRow> page = jdbc.sql("FETCH " + FETCH + " FROM sheet_rows").query((rs, n) -> new MappedRow(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), values(rs.getString(5)))).list();
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

    private static List<MappedValue> values(String json) {
        List<MappedValue> out = new ArrayList<>();
        for (JsonNode v : JSON.readTree(json)) {
            out.add(new MappedValue(v.get(0).asString(), text(v.get(1)), text(v.get(2)), v.get(3).asDouble(), text(v.get(4)),
                    text(v.get(5))));
        }
        return out;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private void copy() {
        if (buffer.length() > 0) {
            CopyIn.copy(dataSource, "sheet_row_stage (seq, mrn, kind, sheet, row_num, vals)", buffer.toString());
            buffer.setLength(0);
        }
    }

    private void flushBad() {
        if (!bad.isEmpty()) {
            badRows.accept(List.copyOf(bad));
            bad.clear();
        }
    }

    private StringBuilder field(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return buffer;
    }
}
