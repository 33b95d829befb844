package org.medrec.intake;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The records of a delimited text table (CSV, TSV), split by opencsv's RFC 4180 parser, where one
 * broken record holds itself and not the file: a record whose quoted field is never closed (it
 * runs to the end of the file, or over {@link TextTableFormat#MULTILINE_LIMIT} lines), or that runs
 * over several lines and then has another number of fields than the table, is a broken record of
 * its first line alone; reading goes on at the next line. Records are numbered from 1 as a person
 * counts them (a quoted field with line breaks is one record, a blank line is an empty record).
 * Line breaks inside a quoted field keep the characters the file wrote. Not thread-safe.
 */
public final class DelimitedRecords implements AutoCloseable {

    /** Receives the records in order; returns false to stop. */
    public interface Handler {
        /** A record split into its fields. */
        boolean record(int number, String[] fields);

        /** A record that cannot be split: its line as written, and the 1-based line number. */
        boolean broken(int number, String line, long lineNumber);
    }

    /** A physical line and the line break that ended it. */
    private record Line(String text, String terminator, long number) {
    }

    private final PhysicalLines lines;
    private final ICSVParser parser;
    private final Deque<Line> again = new ArrayDeque<>();
    private int width;

    public DelimitedRecords(Reader reader, char delimiter) {
        this.lines = new PhysicalLines(reader);
        this.parser = new RFC4180ParserBuilder().withSeparator(delimiter).build();
    }

    /** Hands every record to {@code handler}, in order, until the end or until it returns false. */
    public void read(Handler handler) throws IOException {
        int number = 0;
        Line first;
        while ((first = next()) != null) {
            number++;
            List<Line> consumed = new ArrayList<>();
            String[] fields = parse(first, consumed);
            boolean brokenRecord = fields == null
                    || (!consumed.isEmpty() && width > 0 && fields.length != width);
            if (brokenRecord) {
                parser.parseLineMulti(null);   // forget the pending field
                for (int i = consumed.size() - 1; i >= 0; i--) {
                    again.push(consumed.get(i));   // read the swallowed lines again, as records of their own
                }
                if (!handler.broken(number, first.text(), first.number())) {
                    return;
                }
                continue;
            }
            if (width == 0 && fields.length > 1) {
                width = fields.length;   // the table's width: the first record with more than one field
            }
            if (!handler.record(number, fields)) {
                return;
            }
        }
    }

    /** The record that starts with {@code first}; null when a quoted field in it is never closed. */
    private String[] parse(Line first, List<Line> consumed) throws IOException {
        String[] fields = parser.parseLineMulti(first.text());
        List<String> breaks = new ArrayList<>();
        while (parser.isPending()) {
            breaks.add(consumed.isEmpty() ? first.terminator() : consumed.get(consumed.size() - 1).terminator());
            Line more = next();
            if (more == null || consumed.size() >= TextTableFormat.MULTILINE_LIMIT) {
                if (more != null) {
                    consumed.add(more);
                }
                return null;
            }
            consumed.add(more);
            String[] rest = parser.parseLineMulti(more.text());
            String[] joined = Arrays.copyOf(fields, fields.length + rest.length);
            System.arraycopy(rest, 0, joined, fields.length, rest.length);
            fields = joined;
        }
        restoreLineBreaks(fields, breaks);
        return fields;
    }

    private Line next() throws IOException {
        if (!again.isEmpty()) {
            return again.pop();
        }
        String text = lines.next();
        return text == null ? null : new Line(text, lines.terminator(), lines.lineNumber());
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
    public void close() throws IOException {
        lines.close();
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
