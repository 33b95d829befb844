package org.medrec.intake;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
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
import java.util.Objects;

/**
 * How a delimited text table is written: its encoding (UTF-8 with or without a byte-order mark,
 * else Windows-1252) and its delimiter (comma, semicolon, tab or pipe). Detection is shared by
 * intake (which refuses text that is not a table) and the table reader. Thread-safe (immutable;
 * the static methods are stateless).
 *
 * @param charset       UTF-8 or Windows-1252
 * @param byteOrderMark true when the file starts with the UTF-8 byte-order mark
 * @param delimiter     {@code ,}, {@code ;}, tab or {@code |}; 0 when no delimiter gives a table
 */
public record TextTableFormat(Charset charset, boolean byteOrderMark, char delimiter) {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** A quoted field may span this many lines; past it the quote is taken as never closed. */
    public static final int MULTILINE_LIMIT = 200;
    /** Non-blank lines looked at to find the delimiter. */
    public static final int SAMPLE_LINES = 30;
    /** Lines read at most to collect the sample. */
    private static final int SAMPLE_LINES_READ = 1000;
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    public TextTableFormat {
        Objects.requireNonNull(charset, "charset");
    }

    /** Detects the encoding and the delimiter of a file. */
    public static TextTableFormat detect(Path file) throws IOException {
        Charset charset = detectCharset(file);
        boolean bom;
        try (InputStream in = Files.newInputStream(file)) {
            bom = isBom(in.readNBytes(3));
        }
        return new TextTableFormat(charset, bom, detectDelimiter(sampleLines(file, charset)));
    }

    /** UTF-8 when every byte decodes as UTF-8 (BOM or not), else Windows-1252. */
    public static Charset detectCharset(Path file) throws IOException {
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
    public static char detectDelimiter(List<String> lines) {
        String sample = String.join("\n", lines);
        char best = 0;
        long bestScore = 0;
        for (char d : DELIMITERS) {
            List<Integer> widths = new ArrayList<>();
            try (CSVReader csv = new CSVReaderBuilder(new StringReader(sample))
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

    /** The first {@value #SAMPLE_LINES} non-blank lines (of the first 1000), without the BOM. */
    public static List<String> sampleLines(Path file, Charset charset) throws IOException {
        List<String> sample = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(skipBom(Files.newInputStream(file)), charset))) {
            String line;
            int read = 0;
            while ((line = lines.readLine()) != null && read++ < SAMPLE_LINES_READ && sample.size() < SAMPLE_LINES) {
                if (!line.isBlank()) {
                    sample.add(line);
                }
            }
        }
        return sample;
    }

    /** The stream past a UTF-8 byte-order mark, if it starts with one. */
    public static InputStream skipBom(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(3);
        if (!isBom(buffered.readNBytes(3))) {
            buffered.reset();
        }
        return buffered;
    }

    private static boolean isBom(byte[] head) {
        return head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
    }
}
