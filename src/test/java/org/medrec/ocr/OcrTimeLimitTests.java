package org.medrec.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.medrec.intake.FileFormat;
import org.medrec.page.PageSource;
import org.medrec.page.SourcePage;
import org.medrec.testing.Fixtures;

/** Real Tesseract stopped by its own deadline; the same engine reads the next page as usual. */
class OcrTimeLimitTests {

    private static SourcePage intakeFormPage() throws Exception {
        try (PageSource source = PageSource.open(Fixtures.sampleScans().resolve("typed-intake-form.pdf"), FileFormat.PDF)) {
            return source.page(1);
        }
    }

    @Test
    void shouldStopAPagePastTheTimeLimitAndReadTheNextWithinIt() throws Exception {
        SourcePage page = intakeFormPage();
        try (OcrEngine hurried = OcrEngine.open(OcrSettings.defaults(), Duration.ofMillis(1));
             OcrEngine patient = OcrEngine.open(OcrSettings.defaults(), Duration.ofMinutes(5))) {

            assertThatThrownBy(() -> hurried.recognize(page.image(), page.dpi()))
                    .isInstanceOf(OcrTimeLimitException.class)
                    .hasMessageStartingWith("OCR ran past its time limit of 1 ms and was stopped after");

            OcrPage read = patient.recognize(page.image(), page.dpi());
            assertThat(read.word("00031415")).isPresent();
            assertThat(read.meanConfidence()).isGreaterThan(0.85);
        }
    }

    @Test
    void shouldNameThePageWhoseOcrRanPastTheTimeLimit() {
        try (OcrEngine hurried = OcrEngine.open(OcrSettings.defaults(), Duration.ofMillis(1))) {
            assertThatThrownBy(() -> new ChartPages().read(Fixtures.sampleScans().resolve("billing-ledger.png"),
                    FileFormat.PNG, hurried))
                    .isInstanceOf(OcrException.class)
                    .hasMessageStartingWith("page 1: OCR ran past its time limit of 1 ms");
        }
    }

    @Test
    void shouldRefuseATimeLimitThatIsNotPositive() {
        assertThatThrownBy(() -> OcrEngine.open(OcrSettings.defaults(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
