package org.medrec.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.testing.Fixtures;

@Tag("process")
class IsolatedProberTests {

    @TempDir
    Path dir;

    /** An XLS workbook (which HSSF reads whole) of 40,000 rows of eight distinct texts: far more than 40 MB read. */
    private Path bigXls() throws IOException {
        Path file = dir.resolve("big.xls");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("visits");
            for (int r = 0; r < 40_000; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 8; c++) {
                    row.createCell(c).setCellValue("row " + r + " column " + c);
                }
            }
            workbook.write(out);
        }
        return file;
    }

    @Test
    void shouldProbeInSeparateJvmWithTheSameAnswer() {
        Path pdf = Fixtures.resource("external/pdf-malformed/pypdf-sample-files/grayscale-image.pdf");
        try (IsolatedProber prober = new IsolatedProber(Duration.ofSeconds(60), 256, 150_000_000L)) {
            assertThat(prober.probe(pdf)).isEqualTo(new Prober(150_000_000L).probe(pdf));
        }
    }

    @Test
    void shouldQuarantineFileThatMakesTheParserHangAndGoOnWithTheNext() throws Exception {
        Path hanging = dir.resolve("hangs.pdf");   // a named pipe nobody writes to: reading it never ends
        assertThat(new ProcessBuilder("mkfifo", hanging.toString()).start().waitFor()).isZero();
        Path small = Fixtures.resource("external/pdf-malformed/pypdf-sample-files/grayscale-image.pdf");
        try (IsolatedProber prober = new IsolatedProber(Duration.ofSeconds(2), 256, 150_000_000L)) {
            ProbeResult result = prober.probe(hanging);

            assertThat(result.accepted()).isFalse();
            assertThat(result.reason()).startsWith("reading it took longer than the limit of 2 s");
            assertThat(prober.probe(small).accepted()).isTrue();
        }
    }

    @Test
    void shouldQuarantineFileThatNeedsMoreMemoryThanTheLimitAndGoOn() throws IOException {
        // the probe decodes no image's pixels (the page stage does, in an OCR process with a heap limit of its own),
        // but reads an XLS workbook whole
        Path big = bigXls();
        Path small = Fixtures.resource("external/pdf-malformed/pypdf-sample-files/grayscale-image.pdf");
        try (IsolatedProber prober = new IsolatedProber(Duration.ofSeconds(60), 40, 150_000_000L)) {
            ProbeResult result = prober.probe(big);

            assertThat(result.accepted()).isFalse();
            assertThat(result.reason()).startsWith("reading it needed more than 40 MB of memory");
            assertThat(prober.probe(small).accepted()).isTrue();
        }
    }
}
