package org.medrec.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200,000-row XLSX (the size that needed ~1.5 GB with XSSFWorkbook on this machine) is read,
 * every row classified, in a child JVM limited to 64 MB of heap.
 */
@Tag("process")
class LargeXlsxMemoryTests {

    private static final int ROWS = 200_000;

    @TempDir
    Path dir;

    @Test
    void shouldStreamA200kRowWorkbookInA64MbHeap() throws Exception {
        readInA64MbHeap(false);
    }

    /**
     * Excel's own way: every text cell a shared string, and most of them distinct (600,000: a name
     * and a reason per row). POI's ReadOnlySharedStringsTable would hold them all on the heap
     * (well over 64 MB); they are kept in temporary files instead.
     */
    @Test
    void shouldStreamA200kRowWorkbookOfDistinctSharedStringsInA64MbHeap() throws Exception {
        readInA64MbHeap(true);
    }

    private void readInA64MbHeap(boolean distinctSharedStrings) throws Exception {
        long start = System.nanoTime();
        Path file = writeWorkbook(dir.resolve("visits-200k.xlsx"), distinctSharedStrings);
        long written = System.nanoTime();

        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=logback-probe.xml",
                "-cp", System.getProperty("java.class.path"), LargeXlsxReadCheck.class.getName(), file.toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = child.waitFor(60, TimeUnit.SECONDS);
        if (!done) {
            child.destroyForcibly();
        }

        assertThat(done).as("the child JVM finished").isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        Matcher result = Pattern.compile("dataRows=(\\d+) lastDataRow=(\\d+) cells=(\\d+) liveMb=\\[([\\d,]+)] peakHeapMb=(\\d+)")
                .matcher(output);
        assertThat(result.find()).as(output).isTrue();
        assertThat(Long.parseLong(result.group(1))).isEqualTo(ROWS);
        assertThat(Long.parseLong(result.group(2))).isEqualTo(ROWS + 1);
        assertThat(Long.parseLong(result.group(3))).isEqualTo(8L * (ROWS + 1));
        List<Long> live = Arrays.stream(result.group(4).split(",")).map(Long::valueOf).toList();
        assertThat(live).as("heap in use after GC at 50k, 100k, 150k and 200k rows").hasSize(4);
        assertThat(live.get(3) - live.get(0)).as("growth from 50k to 200k rows, MB: " + live).isLessThanOrEqualTo(2);
        assertThat(Long.parseLong(result.group(5))).isLessThanOrEqualTo(64);
        System.out.println((distinctSharedStrings ? "distinct shared strings: " : "") + "200k-row XLSX of " + (Files.size(file) >> 10) + " KB written in " + (written - start) / 1_000_000
                + " ms, read in a 64 MB heap in " + (System.nanoTime() - written) / 1_000_000 + " ms: " + output.strip());
    }

    /**
     * MRN, name, DOB, visit date, provider, NPI, reason, charge: numbers, dates and inline strings
     * (SXSSF's default, as in the dev corpus exports; shared strings are held in memory by POI's
     * ReadOnlySharedStringsTable, so they grow with the number of distinct strings, not rows).
     */
    private static Path writeWorkbook(Path file, boolean distinctSharedStrings) throws IOException {
        String[] names = {"Ruiz, Ana", "Kim, Joe", "O'Brien, Mary K", "Lef\u00e8vre, Ava S", "Nguyen, Juan B"};
        String[] providers = {"Kim, Sarah J MD", "Gray, Roy I MD", "Young, Katherine C NP"};
        String[] reasons = {"Follow-up hypertension", "Sore throat x 2 days", "Flu vaccine", "Back pain after lifting"};
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, false, distinctSharedStrings); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Visits");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("m/d/yyyy"));
            Row header = sheet.createRow(0);
            String[] columns = {"MRN", "Patient", "DOB", "Visit Date", "Provider", "NPI", "Reason", "Charge"};
            for (int c = 0; c < columns.length; c++) {
                header.createCell(c).setCellValue(columns[c]);
            }
            LocalDate start = LocalDate.of(2016, 1, 1);
            for (int r = 1; r <= ROWS; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(10_000 + r);
                row.createCell(1).setCellValue(names[r % names.length] + (distinctSharedStrings ? " " + r : ""));
                row.createCell(2).setCellValue(LocalDate.of(1950 + r % 60, 1 + r % 12, 1 + r % 28));
                row.getCell(2).setCellStyle(date);
                row.createCell(3).setCellValue(start.plusDays(r % 3000));
                row.getCell(3).setCellStyle(date);
                row.createCell(4).setCellValue(providers[r % providers.length]);
                row.createCell(5).setCellValue(1_234_567_893L);
                row.createCell(6).setCellValue(reasons[r % reasons.length] + (distinctSharedStrings ? ", visit " + r : ""));
                if (distinctSharedStrings) {
                    row.createCell(4).setCellValue(providers[r % providers.length] + " #" + r);
                }
                row.createCell(7).setCellValue(95 + (r % 7) * 10.5);
            }
            wb.write(out);
        }
        return file;
    }
}
