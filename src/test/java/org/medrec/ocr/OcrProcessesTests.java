package org.medrec.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.intake.FileFormat;
import org.medrec.intake.SourceFiles;
import org.medrec.testing.Fixtures;

/** Charts read early, while the store starts, by the chart stage's OCR processes (real processes, real Tesseract). */
@Tag("process")
class OcrProcessesTests {

    private static final Path LEDGER = Fixtures.sampleScans().resolve("billing-ledger.png");
    private static final Path RECEIPT = Fixtures.sampleScans().resolve("grocery-receipt-not-medical.png");

    @Test
    void shouldGiveTheChartStageThePagesReadEarlyAndReadNoLinkNorSheet(@TempDir Path work) throws Exception {
        Path input = Files.createDirectories(work.resolve("in"));
        Files.createSymbolicLink(input.resolve("a-link.png"), Files.copy(LEDGER, work.resolve("outside.png")));
        Files.writeString(input.resolve("b-visits.csv"), "mrn,date\n1,2020-01-01\n");
        Path ledger = Files.copy(LEDGER, input.resolve("c-ledger.png"));
        List<PageText> expected = readHere(LEDGER);
        try (OcrProcesses processes = new OcrProcesses(Duration.ofMinutes(2), Duration.ofMinutes(5), 512)) {
            processes.readEarly(SourceFiles.under(input), 1, 8);
            awaitAtLeast(1, processes::earlyBegun);   // one reader, in order: the link and the sheet were passed over

            List<PageText> pages = processes.read(ledger, FileFormat.PNG);

            assertThat(pages).singleElement().satisfies(p -> assertThat(p.ocr()).isEqualTo(expected.get(0).ocr()));
            assertThat(processes.earlyUsed()).isEqualTo(1);
            assertThat(processes.earlyBegun()).isEqualTo(1);
        }
    }

    @Test
    void shouldReadAFileAgainWhenItChangedAfterItsEarlyReadingBegan(@TempDir Path work) throws Exception {
        Path input = Files.createDirectories(work.resolve("in"));
        Path chart = Files.copy(LEDGER, input.resolve("chart.png"));
        List<PageText> receipt = readHere(RECEIPT);
        try (OcrProcesses processes = new OcrProcesses(Duration.ofMinutes(2), Duration.ofMinutes(5), 512)) {
            processes.readEarly(List.of(chart), 1, 8);
            awaitAtLeast(1, processes::earlyBegun);
            Files.copy(RECEIPT, chart, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(chart, FileTime.fromMillis(Files.getLastModifiedTime(chart).toMillis() + 60_000));

            List<PageText> pages = processes.read(chart, FileFormat.PNG);

            assertThat(pages).singleElement().satisfies(p -> assertThat(p.ocr()).isEqualTo(receipt.get(0).ocr()));
            assertThat(processes.earlyUsed()).isZero();
        }
    }

    @Test
    void shouldUseAnEarlyReadingOnceAndReadTheFileAgainWhenAskedAgain(@TempDir Path work) throws Exception {
        Path chart = Files.copy(LEDGER, work.resolve("chart.png"));
        try (OcrProcesses processes = new OcrProcesses(Duration.ofMinutes(2), Duration.ofMinutes(5), 512)) {
            processes.readEarly(List.of(chart), 1, 8);
            awaitAtLeast(1, processes::earlyBegun);

            assertThat(processes.read(chart, FileFormat.PNG)).hasSize(1);
            assertThat(processes.earlyUsed()).isEqualTo(1);
            assertThat(processes.read(chart, FileFormat.PNG)).as("taken once: the next read reads").hasSize(1);
            assertThat(processes.earlyUsed()).isEqualTo(1);
        }
    }

    private static List<PageText> readHere(Path file) throws Exception {
        try (OcrEngines engines = new OcrEngines(OcrSettings.defaults())) {
            return engines.read(file, FileFormat.PNG);
        }
    }

    private static void awaitAtLeast(int n, IntSupplier count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (count.getAsInt() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(count.getAsInt()).isGreaterThanOrEqualTo(n);
    }
}
