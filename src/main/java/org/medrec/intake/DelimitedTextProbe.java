package org.medrec.intake;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a text file as a delimited table (CSV or TSV): detects the encoding (UTF-8 with or
 * without BOM, else Windows-1252) and the delimiter (comma, semicolon, tab or pipe: the one that
 * splits most sample lines alike, counted outside quotes; the detection is
 * {@link TextTableFormat}'s), then parses every record. Thread-safe (stateless).
 */
final class DelimitedTextProbe {

    static final Charset WINDOWS_1252 = TextTableFormat.WINDOWS_1252;
    /** The line under a Markdown table's header: {@code |---|:--:|}. */
    private static final java.util.regex.Pattern MARKDOWN_RULE =
            java.util.regex.Pattern.compile("^\\s*\\|?(\\s*:?-{3,}:?\\s*\\|)+\\s*:?-{0,}:?\\s*$");

    private DelimitedTextProbe() {
    }

    static ProbeResult probe(Path file) {
        try {
            Charset charset = detectCharset(file);
            List<String> lines = TextTableFormat.sampleLines(file, charset);
            if (lines.isEmpty()) {
                return ProbeResult.refused(FileFormat.OTHER, "text file holds only blank lines");
            }
            String what = lines.stream().anyMatch(l -> MARKDOWN_RULE.matcher(l).matches())
                    ? "a Markdown document" : describeText(lines.get(0));
            if (what != null) {
                return ProbeResult.refused(FileFormat.OTHER, "unsupported format: this is " + what);
            }
            char delimiter = TextTableFormat.detectDelimiter(lines);
            if (delimiter == 0) {
                return ProbeResult.refused(FileFormat.OTHER, "text file without a table: its lines are not columns"
                        + " split by commas, semicolons, tabs or pipes");
            }
            FileFormat format = delimiter == '\t' ? FileFormat.TSV : FileFormat.CSV;
            long[] counts = new long[2];   // records split, records broken
            try (Reader reader = new InputStreamReader(TextTableFormat.skipBom(Files.newInputStream(file)), charset);
                 DelimitedRecords records = new DelimitedRecords(reader, delimiter)) {
                records.read(new DelimitedRecords.Handler() {
                    @Override
                    public boolean record(int number, String[] fields) {
                        counts[0]++;
                        return true;
                    }

                    @Override
                    public boolean broken(int number, String line, long lineNumber) {
                        counts[1]++;   // one record that holds itself: a row item, the rest is read
                        return true;
                    }
                });
            }
            if (counts[0] < 2) {
                return ProbeResult.refused(format, counts[1] == 0 ? "table has a header but no rows"
                        : "not a table: no record after the first could be split into columns (" + counts[1]
                                + " records have a quote that is never closed)");
            }
            return ProbeResult.accepted(format, null);
        } catch (IOException | RuntimeException e) {
            return ProbeResult.refused(FileFormat.OTHER, "text file cannot be read (" + Reasons.describe(e) + ")");
        }
    }

    /** UTF-8 when every byte decodes as UTF-8 (BOM or not), else Windows-1252: see {@link TextTableFormat#detectCharset}. */
    static Charset detectCharset(Path file) throws IOException {
        return TextTableFormat.detectCharset(file);
    }

    private static String describeText(String firstLine) {
        String t = firstLine.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("{") || t.startsWith("[")) {
            return "a JSON file";
        }
        if (t.startsWith("<?xml") && t.contains("progid=\"excel.sheet\"")) {
            return "an Excel 2003 XML spreadsheet: save it in Excel as .xlsx";
        }
        if (t.startsWith("<!doctype html") || t.startsWith("<html")) {
            return "an HTML page";
        }
        if (t.startsWith("<?xml") || t.startsWith("<")) {
            return "an XML file";
        }
        return null;
    }
}
