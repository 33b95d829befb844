package org.medrec.intake;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a text file as a delimited table (CSV or TSV): detects the encoding (UTF-8 with or
 * without BOM, else Windows-1252) and the delimiter (comma, semicolon, tab or pipe: the one that
 * splits most sample lines alike, counted outside quotes), then parses every record. Thread-safe (stateless).
 */
final class DelimitedTextProbe {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    /** A quoted field may span this many lines; past it the quote is taken as never closed. */
    private static final int MULTILINE_LIMIT = 200;
    /** Lines looked at to find the delimiter. */
    private static final int SAMPLE_LINES = 30;
    /** The line under a Markdown table's header: {@code |---|:--:|}. */
    private static final java.util.regex.Pattern MARKDOWN_RULE =
            java.util.regex.Pattern.compile("^\\s*\\|?(\\s*:?-{3,}:?\\s*\\|)+\\s*:?-{0,}:?\\s*$");

    private DelimitedTextProbe() {
    }

    static ProbeResult probe(Path file) {
        try {
            Charset charset = detectCharset(file);
            List<String> lines = firstNonEmptyLines(file, charset);
            if (lines.isEmpty()) {
                return ProbeResult.refused(FileFormat.OTHER, "text file holds only blank lines");
            }
            String what = lines.stream().anyMatch(l -> MARKDOWN_RULE.matcher(l).matches())
                    ? "a Markdown document" : describeText(lines.get(0));
            if (what != null) {
                return ProbeResult.refused(FileFormat.OTHER, "unsupported format: this is " + what);
            }
            char delimiter = detectDelimiter(lines);
            if (delimiter == 0) {
                return ProbeResult.refused(FileFormat.OTHER, "text file without a table: its lines are not columns"
                        + " split by commas, semicolons, tabs or pipes");
            }
            FileFormat format = delimiter == '\t' ? FileFormat.TSV : FileFormat.CSV;
            try (Reader reader = new InputStreamReader(skipBom(Files.newInputStream(file)), charset);
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
                return ProbeResult.refused(format, "malformed " + format + " at record " + e.getLineNumber() + ": "
                        + Reasons.describe(e));
            } catch (IOException e) {
                return ProbeResult.refused(format, "malformed " + format + ": " + Reasons.describe(e)
                        + " (a quoted field that is never closed?)");
            }
        } catch (IOException | RuntimeException e) {
            return ProbeResult.refused(FileFormat.OTHER, "text file cannot be read (" + Reasons.describe(e) + ")");
        }
    }

    /** UTF-8 when every byte decodes as UTF-8 (BOM or not), else Windows-1252. */
    static Charset detectCharset(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            ByteBuffer bytes = ByteBuffer.allocate(buffer.length + 8);
            CharBuffer chars = CharBuffer.allocate(buffer.length + 8);
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes.put(buffer, 0, n).flip();
                if (decoder.decode(bytes, chars, false).isError()) {
                    return WINDOWS_1252;
                }
                bytes.compact();
                chars.clear();
            }
            bytes.flip();
            if (decoder.decode(bytes, chars, true).isError() || decoder.flush(chars).isError()) {
                return WINDOWS_1252;
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1252;
        }
    }

    /**
     * The delimiter that splits most sampled records into the same number of columns, parsed as
     * CSV (so title lines above the header and quoted values with delimiters or line breaks do
     * not fool it). 0 when no delimiter gives a table: at least two records with the same number
     * (two or more) of columns, and four in five of the records from the first of them on.
     */
    static char detectDelimiter(List<String> lines) {
        String sample = String.join("\n", lines);
        char best = 0;
        long bestScore = 0;
        for (char d : DELIMITERS) {
            List<Integer> widths = new ArrayList<>();
            try (CSVReader csv = new CSVReaderBuilder(new java.io.StringReader(sample))
                    .withCSVParser(new RFC4180ParserBuilder().withSeparator(d).build()).build()) {
                String[] record;
                while ((record = csv.readNext()) != null) {
                    widths.add(record.length);
                }
            } catch (IOException | CsvException | RuntimeException e) {
                // the sample may end inside a quoted field: judge the records read so far
            }
            Map<Integer, Integer> recordsPerWidth = new HashMap<>();
            widths.stream().filter(w -> w > 1).forEach(w -> recordsPerWidth.merge(w, 1, Integer::sum));
            for (Map.Entry<Integer, Integer> e : recordsPerWidth.entrySet()) {
                int agreeing = e.getValue();
                // title lines may stand above the header; from the header on, the records agree
                int fromHeader = widths.size() - widths.indexOf(e.getKey());
                if (agreeing < 2 || agreeing * 5 < fromHeader * 4) {
                    continue;
                }
                long score = (long) agreeing * 1000 + e.getKey();   // agreeing records first, then columns
                if (score > bestScore) {
                    bestScore = score;
                    best = d;
                }
            }
        }
        return best;
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

    private static List<String> firstNonEmptyLines(Path file, Charset charset) throws IOException {
        List<String> sample = new ArrayList<>();
        try (var lines = new java.io.BufferedReader(new InputStreamReader(skipBom(Files.newInputStream(file)), charset))) {
            String line;
            int read = 0;
            while ((line = lines.readLine()) != null && read++ < 1000 && sample.size() < SAMPLE_LINES) {
                if (!line.isBlank()) {
                    sample.add(line);
                }
            }
        }
        return sample;
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        var buffered = new java.io.BufferedInputStream(in);
        buffered.mark(3);
        byte[] bom = buffered.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }
}
