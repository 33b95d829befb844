package org.medrec.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.intake.FileFormat;
import org.medrec.testing.Fixtures;

/** Charts read by Tesseract in an OCR process of their own (real processes, real Tesseract). */
@Tag("process")
class OcrProcessTests {

    private static final Path LEDGER = Fixtures.sampleScans().resolve("billing-ledger.png");
    private static final Path NOTE = Fixtures.sampleScans().resolve("born-digital-progress-note.pdf");

    @Test
    void shouldReadThePagesAsTheEngineInThisProcessReadsThem() throws Exception {
        List<PageText> here;
        try (OcrEngines engines = new OcrEngines(OcrSettings.defaults())) {
            here = engines.read(LEDGER, FileFormat.PNG);
        }
        try (OcrProcess process = new OcrProcess(Duration.ofMinutes(2), Duration.ofMinutes(5), 512)) {
            List<PageText> there = process.read(LEDGER, FileFormat.PNG);

            assertThat(there).hasSameSizeAs(here).hasSize(1);
            assertThat(there.get(0).ocr()).isEqualTo(here.get(0).ocr());
            assertThat(there.get(0).source()).isEqualTo(PageText.Source.OCR);
            PreparedPage geometry = there.get(0).prepared();
            assertThat(geometry.image()).isNull();
            assertThat(geometry.sourceToImage()).isEqualTo(here.get(0).prepared().sourceToImage());
            assertThat(geometry.checkboxes()).isEqualTo(here.get(0).prepared().checkboxes());
            assertThat(process.read(NOTE, FileFormat.PDF)).isNotEmpty()
                    .allSatisfy(page -> assertThat(page.source()).isEqualTo(PageText.Source.TEXT_LAYER));
        }
    }

    @Test
    void shouldFailTheFileWhenItsProcessCrashesAndReadTheNextWithANewProcess(@TempDir Path work) throws Exception {
        Path sixPages = Fixtures.scannedPdf(LEDGER, 6, work.resolve("ledger-six-pages.pdf"));
        try (OcrProcess process = new OcrProcess(Duration.ofMinutes(2), Duration.ofMinutes(5), 512)) {
            process.read(NOTE, FileFormat.PDF);   // started and warm
            long crashed = process.pid().orElseThrow();
            CompletableFuture<List<PageText>> reading = CompletableFuture.supplyAsync(() -> {
                try {
                    return process.read(sixPages, FileFormat.PDF);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Thread.sleep(700);   // six pages are being read (each takes a second or more)
            assertThat(reading).isNotDone();
            new ProcessBuilder("kill", "-SEGV", Long.toString(crashed)).start().waitFor(10, TimeUnit.SECONDS);

            assertThatThrownBy(() -> reading.get(2, TimeUnit.MINUTES)).hasCauseInstanceOf(OcrException.class)
                    .cause().message().matches("the OCR engine crashed on page [1-6] \\(its process ended with exit code \\d+.*");
            assertThat(process.read(LEDGER, FileFormat.PNG)).singleElement()
                    .satisfies(page -> assertThat(page.ocr().words()).isNotEmpty());
            assertThat(process.pid().orElseThrow()).isNotEqualTo(crashed);
        }
    }

    @Test
    void shouldFailTheFileAndStopItsProcessWhenAPageTakesLongerThanTheWait() throws Exception {
        // 50 ms: far less than decoding, preparing and reading a whole page take on any machine
        try (OcrProcess process = new OcrProcess(Duration.ofMinutes(2), Duration.ofMillis(50), 512)) {
            assertThatThrownBy(() -> process.read(LEDGER, FileFormat.PNG)).isInstanceOf(OcrException.class)
                    .hasMessage("page 1 took longer than 0.05 s to read (decoding, preparing and OCR); the OCR process"
                            + " was stopped: raise medrec.ocr.page-wait to try again");
            assertThat(process.pid()).as("stopped; the next file starts a new one").isEmpty();
        }
    }
}
