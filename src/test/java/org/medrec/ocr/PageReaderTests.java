package org.medrec.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.medrec.ocr.OcrEngineTests.page;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medrec.testing.Tesseract;
import org.medrec.intake.FileFormat;
import org.medrec.page.PageSource;
import org.medrec.page.SourcePage;
import org.medrec.testing.Fixtures;

/** The whole page path with the default settings: text layer, or preprocessing and OCR, or blank. */
@ExtendWith(Tesseract.class)
class PageReaderTests {

    private static OcrEngine engine;
    private final PageReader reader = new PageReader();

    @BeforeAll
    static void startTesseract(OcrEngine tesseract) {
        engine = tesseract;
    }

    @Test
    void shouldUseTheTextLayerOfABornDigitalPdfWithoutOcr() throws Exception {
        SourcePage page = page("born-digital-progress-note.pdf", FileFormat.PDF, 1);

        PageText text = reader.read(page, engine);

        assertThat(text.source()).isEqualTo(PageText.Source.TEXT_LAYER);
        assertThat(text.prepared()).isNull();
        assertThat(text.ocrMillis()).isZero();
        OcrWord npi = text.ocr().word("1234567893").orElseThrow();
        assertThat(npi.confidence()).isEqualTo(1.0);
        assertThat(npi.box().width).isPositive();
        assertThat(text.ocr().lineContaining("Patient Name:").orElseThrow().text()).contains("00027182");
        assertThat(text.ocr().text()).contains("HbA1c 7.4%");
    }

    @Test
    void shouldReadBothFaxPagesOnceStretchedToSquarePixels() throws Exception {
        try (PageSource pages = PageSource.open(Fixtures.sampleScans().resolve("fax-medication-list.tiff"),
                FileFormat.TIFF)) {
            PageText first = reader.read(pages.page(1), engine);
            PageText second = reader.read(pages.page(2), engine);

            assertThat(first.source()).isEqualTo(PageText.Source.OCR);
            // 204 dpi once square, enlarged to 240 dpi for OCR
            assertThat(first.ocr().dpi()).isEqualTo(240);
            assertThat(first.prepared().scale()).isCloseTo(240 / 204.0, within(1e-9));
            assertThat(first.ocr().word("00014142").orElseThrow().confidence()).isGreaterThan(0.8);
            assertThat(first.ocr().lineContaining("Lisinopril").orElseThrow().words()).extracting(OcrWord::text)
                    .containsSubsequence("Lisinopril", "20", "mg", "PO", "once", "daily", "06/2019");
            assertThat(second.ocr().lineContaining("Sulfa").orElseThrow().words()).extracting(OcrWord::text)
                    .containsSubsequence("Sulfa", "drugs", "Rash", "Mild", "2006");
            assertThat(second.ocr().meanConfidence()).isGreaterThan(0.8);
        }
    }

    @Test
    void shouldReadTheKeyNumbersOfAPhonePhotoJpeg() throws Exception {
        PageText text = reader.read(page("office-visit-note-photo.jpg", FileFormat.JPEG, 1), engine);

        assertThat(text.source()).isEqualTo(PageText.Source.OCR);
        assertThat(text.ocr().word("00017320").orElseThrow().confidence()).isGreaterThan(0.8);
        assertThat(text.ocr().word("1234567893").orElseThrow().confidence()).isGreaterThan(0.8);
        assertThat(text.ocr().lineContaining("DOB:").orElseThrow().words()).extracting(OcrWord::text)
                .containsSubsequence("05/09/1990", "Visit:", "03/18/2024");
        assertThat(text.ocr().meanConfidence()).isGreaterThan(0.85);
    }

    @Test
    void shouldReadTheLedgerAmountsOfAPng() throws Exception {
        PageText text = reader.read(page("billing-ledger.png", FileFormat.PNG, 1), engine);

        assertThat(text.ocr().lineContaining("99214").orElseThrow().words()).extracting(OcrWord::text)
                .containsSubsequence("01/08/2024", "99214", "185.00", "185.00");
        assertThat(text.ocr().lineContaining("Balance due:").orElseThrow().text()).contains("$220.00");
        assertThat(text.ocr().word("$220.00").orElseThrow().confidence()).isGreaterThan(0.8);
    }

    @Test
    void shouldTurnAnUpsideDownPageThatReadsPoorly() throws Exception {
        PageText text = reader.read(page("upside-down-intake-form.pdf", FileFormat.PDF, 1), engine);

        assertThat(text.source()).isEqualTo(PageText.Source.OCR);
        assertThat(text.prepared().orientation().rotation()).isEqualTo(180);
        assertThat(text.ocr().meanConfidence()).isGreaterThan(0.85);
        assertThat(text.ocr().word("00030103")).isPresent();
    }

    @Test
    void shouldReportTheBlankPageAsBlankWithNoText() throws Exception {
        PageText text = reader.read(page("blank-page.pdf", FileFormat.PDF, 1), engine);

        assertThat(text.blank()).isTrue();
        assertThat(text.ocr().words()).isEmpty();
        assertThat(text.ocrMillis()).isZero();
    }
}
