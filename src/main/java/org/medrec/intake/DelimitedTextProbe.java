package org.medrec.intake;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
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
    /** A quoted field may span this many lines; past it the quote is taken as never closed. */
    private static final int MULTILINE_LIMIT = TextTableFormat.MULTILINE_LIMIT;
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
            try (Reader reader = new InputStreamReader(TextTableFormat.skipBom(Files.newInputStream(file)), charset);
                 CSVReader csv = new CSVReaderBuilder(reader)
                         .withCSVParser(new RFC4180ParserBuilder().withSeparator(delimiter).build())
                         .withMultilineLimit(MULTILINE_LIMIT)
                         .build()) {
                long records = 0;
                while (csv.readNext() != null) {
                    records++;
                }
                if (records < 2) {
                    return ProbeResult.refused(format, "table has a header but no rows");
                }
                return ProbeResult.accepted(format, null);
            } catch (CsvException e) {
                return ProbeResult.refused(format, "malformed " + format + " at record " + e.getLineNumber() + " ("
                        + Reasons.describe(e) + ")");
            } catch (com.opencsv.exceptions.CsvMalformedLineException e) {
                return ProbeResult.refused(format, "malformed " + format + ": a quoted field opened in the record that"
                        + " starts on line " + e.getLineNumber() + " is never closed");
            } catch (IOException e) {
                return ProbeResult.refused(format, "malformed " + format + " (" + Reasons.describe(e)
                        + "; a quoted field that is never closed?)");
            }
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
