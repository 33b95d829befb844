package org.medrec.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medrec.testing.Tesseract;
import org.medrec.intake.FileFormat;
import org.medrec.page.PageSource;
import org.medrec.page.SourcePage;
import org.medrec.testing.Fixtures;

/** Real Tesseract on real images. Assertions on key fields and confidence bands, not whole-page text. */
@ExtendWith(Tesseract.class)
class OcrEngineTests {

    private static OcrEngine engine;
    private static OcrPage intake;

    @BeforeAll
    static void startTesseractAndReadTheIntakeForm(OcrEngine tesseract) throws Exception {
        engine = tesseract;
        SourcePage intakePage = page("typed-intake-form.pdf", FileFormat.PDF, 1);
        intake = engine.recognize(intakePage.image(), intakePage.dpi());
    }

    @Test
    void shouldReadTheIntakeFormKeyFieldsWithHighConfidence() {
        OcrPage ocr = intake;

        assertThat(ocr.dpi()).isEqualTo(300);
        assertThat(ocr.width()).isEqualTo(2550);
        OcrWord mrn = ocr.word("00031415").orElseThrow();
        assertThat(mrn.confidence()).isGreaterThan(0.85);
        // a label-value row stays on one line: DOB, sex and MRN
        OcrLine dobLine = ocr.lines().get(mrn.lineIndex());
        assertThat(dobLine.words()).extracting(OcrWord::text).containsSubsequence("DOB:", "03/14/1962", "Sex:", "F",
                "MRN:", "00031415");
        assertThat(dobLine.text()).matches("DOB: +03/14/1962 {3,}Sex: +F {3,}MRN: +00031415");
        assertThat(ocr.lineContaining("Patient Name:").orElseThrow().text()).contains("Maria Delgado-Test");
        assertThat(ocr.lineContaining("Member ID:").orElseThrow().text()).contains("BHH-4410-0031");
        assertThat(ocr.meanConfidence()).isGreaterThan(0.85);
    }

    @Test
    void shouldGiveWordBoxesOnThePageAndLinesInReadingOrder() throws Exception {
        SourcePage page = page("billing-ledger.png", FileFormat.PNG, 1);

        OcrPage ocr = engine.recognize(page.image(), page.dpi());

        Rectangle bounds = new Rectangle(0, 0, page.width(), page.height());
        assertThat(ocr.words()).allSatisfy(w -> assertThat(bounds.contains(w.box())).isTrue());
        assertThat(ocr.words()).allSatisfy(w -> assertThat(ocr.lines().get(w.lineIndex()).words()).contains(w));
        int[] tops = ocr.lines().stream().mapToInt(l -> l.box().y).toArray();
        int[] sorted = tops.clone();
        Arrays.sort(sorted);
        assertThat(tops).containsExactly(sorted);
        OcrLine row = ocr.lineContaining("Contractual").orElseThrow();
        assertThat(row.words()).extracting(OcrWord::text).containsSubsequence("01/22/2024", "Contractual",
                "adjustment", "38.40", "48.00");
        assertThat(ocr.lineContaining("Balance due:").orElseThrow().text()).endsWith("$220.00");
    }

    @Test
    void shouldDropNoiseSpecksReadAsJunkWords() {
        OcrPage ocr = intake; // the scan has 40 specks of 1-4 px

        assertThat(ocr.words()).noneMatch(w -> w.confidence() < 0.30 && Math.max(w.box().width, w.box().height) < 12);
        assertThat(ocr.words()).noneMatch(w -> w.confidence() < 0.30 && w.text().matches("[^\\p{L}\\p{N}]+"));
    }

    @Test
    void shouldReadTesseractsPhototestWordForWord() throws Exception {
        Path image = Fixtures.resource("ocr/phototest.tif");
        List<String> expected = words(Files.readString(Fixtures.resource("ocr/phototest.txt")));
        SourcePage page;
        try (PageSource pages = PageSource.open(image, FileFormat.TIFF)) {
            page = pages.page(1);
        }

        OcrPage ocr = engine.recognize(page.image(), page.dpi());

        double accuracy = (double) commonSubsequence(words(ocr.text()), expected) / expected.size();
        assertThat(accuracy).isGreaterThanOrEqualTo(0.95);
        assertThat(ocr.meanConfidence()).isGreaterThan(0.85);
    }

    @Test
    void shouldRefuseAnImageThatIsNotGrayscale() {
        BufferedImage rgb = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);

        assertThatThrownBy(() -> engine.recognize(rgb, 300)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TYPE_BYTE_GRAY");
    }

    @Test
    void shouldRefuseWorkOnceClosed() {
        OcrEngine closed = OcrEngine.open();
        closed.close();
        closed.close(); // idempotent

        assertThatThrownBy(() -> closed.recognize(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY), 300))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    static SourcePage page(String sample, FileFormat format, int number) throws Exception {
        try (PageSource pages = PageSource.open(Fixtures.sampleScans().resolve(sample), format)) {
            return pages.page(number);
        }
    }

    static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    /** Length of the longest common subsequence of two word lists (word accuracy = this / expected words). */
    static int commonSubsequence(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                lcs[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? lcs[i - 1][j - 1] + 1
                        : Math.max(lcs[i - 1][j], lcs[i][j - 1]);
            }
        }
        return lcs[a.size()][b.size()];
    }
}
