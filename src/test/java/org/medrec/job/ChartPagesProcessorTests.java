package org.medrec.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.ocr.OcrUnavailableException;
import org.medrec.testing.Fixtures;
import org.medrec.intake.FileFormat;
import org.medrec.ocr.OcrEngines;
import org.medrec.ocr.OcrSettings;

class ChartPagesProcessorTests {

    /** In memory, as the store counts them: attempts begun and not returned. */
    private static final class Attempts implements ChartPagesProcessor.ReadAttempts {
        int unfinished;

        Attempts(int unfinished) {
            this.unfinished = unfinished;
        }

        @Override
        public int begin(long sourceFileId) {
            return unfinished++;
        }

        @Override
        public void end(long sourceFileId) {
            unfinished--;
        }
    }

    @Test
    void shouldQuarantineUnreadAFileThatTwoEarlierAttemptsNeverFinished() {
        // no OCR engines and no extractor: the file must not be read at all
        Attempts attempts = new Attempts(2);
        ChartPagesProcessor processor = new ChartPagesProcessor(null, null, LocalDate.of(2026, 1, 1), attempts);
        ReceivedFile file = new ReceivedFile(7, Path.of("/nonexistent/in/chart.png"), "chart.png", FileFormat.PNG);

        ChartPagesProcessor.ReadChart read = processor.process(file);

        assertThat(read).isInstanceOf(ChartPagesProcessor.Unreadable.class);
        assertThat(((ChartPagesProcessor.Unreadable) read).reason()).startsWith("reading it stopped the process 2 times");
        assertThat(attempts.unfinished).isEqualTo(2);
    }

    @Test
    void shouldReadAFileThatOneEarlierAttemptDidNotFinish() {
        try (OcrEngines engines = new OcrEngines(OcrSettings.defaults())) {
            Attempts attempts = new Attempts(1);
            ChartPagesProcessor processor = new ChartPagesProcessor(engines, null, LocalDate.of(2026, 1, 1), attempts);
            ReceivedFile file = new ReceivedFile(7, Path.of("/nonexistent/in/chart.png"), "chart.png", FileFormat.PNG);

            ChartPagesProcessor.ReadChart read = processor.process(file);

            assertThat(((ChartPagesProcessor.Unreadable) read).reason()).as("it was tried: the missing file cannot be read")
                    .startsWith("its pages cannot be read");
            assertThat(engines.size()).isEqualTo(1);
            assertThat(attempts.unfinished).as("the attempt returned").isEqualTo(1);
        }
    }

    @Test
    void shouldFailTheRunAndBlameNoChartWhenOcrCannotRun(@TempDir Path emptyTessdata) {
        try (OcrEngines engines = new OcrEngines(OcrSettings.defaults().withTessdata(emptyTessdata))) {
            Attempts attempts = new Attempts(0);
            ChartPagesProcessor processor = new ChartPagesProcessor(engines, null, LocalDate.of(2026, 1, 1), attempts);
            Path scan = Fixtures.sampleScans().resolve("billing-ledger.png");

            assertThatThrownBy(() -> processor.process(new ReceivedFile(7, scan, "billing-ledger.png", FileFormat.PNG)))
                    .isInstanceOf(OcrUnavailableException.class)
                    .hasMessageStartingWith("no eng.traineddata in the configured tessdata folder");
            assertThat(attempts.unfinished).as("the attempt returned: no crash to blame on the file").isZero();
        }
    }

    @Test
    void shouldQuarantineADamagedImageWithTheReasonIntakeGivesIt(@TempDir Path dir) throws Exception {
        try (OcrEngines engines = new OcrEngines(OcrSettings.defaults())) {
            ChartPagesProcessor processor = new ChartPagesProcessor(engines, null, LocalDate.of(2026, 1, 1),
                    new Attempts(0));
            Path png = Fixtures.truncatedPng(dir);

            ChartPagesProcessor.ReadChart read = processor.process(new ReceivedFile(7, png, "scan.png", FileFormat.PNG));

            assertThat(((ChartPagesProcessor.Unreadable) read).reason()).startsWith("damaged PNG image: ");
        }
    }
}
