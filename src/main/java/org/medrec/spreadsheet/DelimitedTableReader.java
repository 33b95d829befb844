package org.medrec.spreadsheet;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.medrec.intake.TextTableFormat;

/**
 * Reads a CSV or TSV file as one sheet named after the file. Fields are split by opencsv's RFC 4180
 * parser; records are numbered from 1 (the header record is 1, a title line above it counts, a
 * quoted field with line breaks is one record, a blank line is an empty record). Every field is a
 * TEXT cell, or BLANK when empty: decimal commas, leading zeros and spaces are kept as written.
 *
 * <p>Lines are split here rather than by opencsv's {@code CSVReader}, so that a line break inside a
 * quoted field keeps its own characters ({@code \r\n} stays {@code \r\n}) and blank lines are
 * records (CSVReader either turns {@code \r\n} into {@code \n} or, when told to keep carriage
 * returns, stops at the first blank line).
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
        ICSVParser parser = new RFC4180ParserBuilder().withSeparator(delimiter).build();
        try (Reader text = new InputStreamReader(TextTableFormat.skipBom(Files.newInputStream(file)), format.charset());
             PhysicalLines lines = new PhysicalLines(text)) {
            int record = 0;
            String line;
            while ((line = lines.next()) != null) {
                record++;
                long firstLine = lines.lineNumber();
                String[] fields = parser.parseLineMulti(line);
                List<String> breaks = null;
                while (parser.isPending()) {
                    if (breaks == null) {
                        breaks = new ArrayList<>();
                    }
                    breaks.add(lines.terminator());
                    String more = lines.next();
                    if (more == null) {
                        throw new TableReadException(TableReadException.Problem.DAMAGED, "a quoted field opened on line "
                                + firstLine + " (record " + record + ") is never closed", sheet.name(), record - 1, null);
                    }
                    if (breaks.size() > TextTableFormat.MULTILINE_LIMIT) {
                        throw new TableReadException(TableReadException.Problem.DAMAGED, "a quoted field opened on line "
                                + firstLine + " (record " + record + ") runs over more than "
                                + TextTableFormat.MULTILINE_LIMIT + " lines: is its closing quote missing?",
                                sheet.name(), record - 1, null);
                    }
                    String[] rest = parser.parseLineMulti(more);
                    String[] joined = Arrays.copyOf(fields, fields.length + rest.length);
                    System.arraycopy(rest, 0, joined, fields.length, rest.length);
                    fields = joined;
                }
                if (breaks != null) {
                    restoreLineBreaks(fields, breaks);
                }
                List<SheetCell> cells = new ArrayList<>(fields.length);
                for (int i = 0; i < fields.length; i++) {
                    cells.add(SheetCell.ofText(i, fields[i]));
                }
                if (!handler.row(new SheetRow(sheet.name(), record, cells))) {
                    return;
                }
            }
        }
    }

    /**
     * The parser joins the lines of a multi-line field with {@code \n}, one per line break, in
     * order: put back each break as the file wrote it.
     */
    private static void restoreLineBreaks(String[] fields, List<String> breaks) {
        if (breaks.stream().allMatch("\n"::equals)) {
            return;
        }
        int next = 0;
        for (int i = 0; i < fields.length && next < breaks.size(); i++) {
            String field = fields[i];
            if (field == null || field.indexOf('\n') < 0) {
                continue;
            }
            StringBuilder restored = new StringBuilder(field.length() + 8);
            for (int k = 0; k < field.length(); k++) {
                char c = field.charAt(k);
                if (c == '\n' && next < breaks.size()) {
                    restored.append(breaks.get(next++));
                } else {
                    restored.append(c);
                }
            }
            fields[i] = restored.toString();
        }
    }

    @Override
    public void close() {
        // nothing is held open between reads
    }

    /**
     * Physical lines, split at {@code \r\n}, {@code \n} or a lone {@code \r} (like
     * {@code BufferedReader.readLine}), remembering each line's terminator. Unlike opencsv's line
     * reader it tells an empty line from the end of the file.
     */
    static final class PhysicalLines implements AutoCloseable {
        private final Reader in;
        private final char[] buffer = new char[64 * 1024];
        private int position;
        private int limit;
        private final StringBuilder line = new StringBuilder(256);
        private String terminator = "";
        private long lineNumber;

        PhysicalLines(Reader reader) {
            this.in = reader;
        }

        /** The next line without its terminator, or null at the end of the file. */
        String next() throws IOException {
            line.setLength(0);
            int c = read();
            if (c < 0) {
                terminator = "";
                return null;
            }
            while (c >= 0 && c != '\n' && c != '\r') {
                line.append((char) c);
                c = read();
            }
            if (c == '\n') {
                terminator = "\n";
            } else if (c == '\r') {
                if (peek() == '\n') {
                    read();
                    terminator = "\r\n";
                } else {
                    terminator = "\r";
                }
            } else {
                terminator = "";
            }
            lineNumber++;
            return line.toString();
        }

        /** How the line last returned ended: {@code \n}, {@code \r\n}, {@code \r}, or empty at the end of the file. */
        String terminator() {
            return terminator;
        }

        /** The 1-based number of the line last returned. */
        long lineNumber() {
            return lineNumber;
        }

        private int read() throws IOException {
            return fill() ? buffer[position++] : -1;
        }

        private int peek() throws IOException {
            return fill() ? buffer[position] : -1;
        }

        private boolean fill() throws IOException {
            while (position >= limit) {
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    return false;
                }
                position = 0;
                limit = n;
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
