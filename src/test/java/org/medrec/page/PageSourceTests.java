package org.medrec.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.intake.FileFormat;
import org.medrec.testing.Fixtures;

/** Real files from sample-scans/: format decoding, resolution, text layers, limits. No OCR. */
class PageSourceTests {

    private static Path sample(String name) {
        return Fixtures.sampleScans().resolve(name);
    }

    @Test
    void shouldRenderAnImageOnlyPdfPageAtItsScanResolution() throws Exception {
        try (PageSource pages = PageSource.open(sample("typed-intake-form.pdf"), FileFormat.PDF)) {
            SourcePage page = pages.page(1);

            assertThat(pages.pageCount()).isEqualTo(1);
            assertThat(page.dpiX()).isEqualTo(300);
            assertThat(page.dpiEstimated()).isFalse();
            assertThat(page.width()).isEqualTo(2550);
            assertThat(page.height()).isEqualTo(3300);
            assertThat(page.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            assertThat(page.hasTextLayer()).isFalse();
        }
    }

    @Test
    void shouldNotBlowA200DpiScanUpTo300Dpi() throws Exception {
        try (PageSource pages = PageSource.open(sample("appointment-history-multipage.pdf"), FileFormat.PDF)) {
            assertThat(pages.pageCount()).isEqualTo(2);
            for (int n = 1; n <= 2; n++) {
                SourcePage page = pages.page(n);

                assertThat(page.number()).isEqualTo(n);
                assertThat(page.dpi()).isEqualTo(200);
                assertThat(page.width()).isEqualTo(1700); // the scan's own pixels, not 1699
                assertThat(page.height()).isEqualTo(2200);
            }
        }
    }

    @Test
    void shouldGiveTheWordsOfABornDigitalPageWithBoxesOnTheRenderedImage() throws Exception {
        try (PageSource pages = PageSource.open(sample("born-digital-progress-note.pdf"), FileFormat.PDF)) {
            SourcePage page = pages.page(1);

            assertThat(page.hasTextLayer()).isTrue();
            assertThat(page.dpi()).isEqualTo(300);
            Optional<TextWord> npi = page.textLayer().words().stream()
                    .filter(w -> w.text().equals("1234567893")).findFirst();
            assertThat(npi).isPresent();
            Rectangle box = npi.get().box();
            assertThat(new Rectangle(0, 0, page.width(), page.height()).contains(box)).isTrue();
            assertThat(box.height).isBetween(20, 80); // 10-12 pt at 300 dpi
            assertThat(darkPixels(page.image(), box)).as("the box covers the printed word").isGreaterThan(0.05);
            assertThat(page.textLayer().text()).contains("MRN: 00027182", "HbA1c 7.4%");
            assertThat(pages.page(2).textLayer().text()).contains("E11.9", "R51.9");
        }
    }

    @Test
    void shouldPutTheBoxesOnTheWordsOfAPageTurnedByItsRotateEntry(@TempDir Path dir) throws Exception {
        Path turned = dir.resolve("turned.pdf");
        try (PDDocument document = Loader.loadPDF(sample("born-digital-progress-note.pdf").toFile())) {
            document.getPage(0).setRotation(90);
            document.save(turned.toFile());
        }

        try (PageSource pages = PageSource.open(turned, FileFormat.PDF)) {
            SourcePage page = pages.page(1);

            assertThat(page.width()).isEqualTo(3300); // shown landscape
            TextWord npi = page.textLayer().words().stream().filter(w -> w.text().equals("1234567893"))
                    .findFirst().orElseThrow();
            assertThat(npi.box().height).as("the word runs down the turned page").isGreaterThan(npi.box().width);
            assertThat(darkPixels(page.image(), npi.box())).isGreaterThan(0.05);
        }
    }

    @Test
    void shouldReadTheTiffResolutionTags() throws Exception {
        try (PageSource pages = PageSource.open(sample("skewed-immunization-record.tiff"), FileFormat.TIFF)) {
            SourcePage page = pages.page(1);

            assertThat(page.dpiX()).isEqualTo(300);
            assertThat(page.dpiY()).isEqualTo(300);
            assertThat(page.dpiEstimated()).isFalse();
            assertThat(page.resampled()).isFalse();
        }
    }

    @Test
    void shouldStretchAFaxAt204x98DpiToSquarePixels() throws Exception {
        try (PageSource pages = PageSource.open(sample("fax-medication-list.tiff"), FileFormat.TIFF)) {
            assertThat(pages.pageCount()).isEqualTo(2);
            for (int n = 1; n <= 2; n++) {
                SourcePage page = pages.page(n);

                assertThat(page.resampled()).isTrue();
                assertThat(page.dpiX()).isEqualTo(204);
                assertThat(page.dpiY()).isEqualTo(204);
                assertThat(page.width()).isEqualTo(1728);
                assertThat(page.height()).isEqualTo(Math.round(1078 * 204 / 98.0)); // 2244: 11 in at 204 dpi
            }
        }
    }

    @Test
    void shouldKeepTheFaxGeometryWhenSquarePixelsAreOff() throws Exception {
        PageSourceOptions anisotropic = new PageSourceOptions(300, 150, 400, 150_000_000L, false, 20);
        try (PageSource pages = PageSource.open(sample("fax-medication-list.tiff"), FileFormat.TIFF, anisotropic)) {
            SourcePage page = pages.page(2);

            assertThat(page.resampled()).isFalse();
            assertThat(page.height()).isEqualTo(1078);
            assertThat(page.dpiY()).isEqualTo(98);
        }
    }

    @Test
    void shouldReadTheJfifDensityOfAJpeg() throws Exception {
        try (PageSource pages = PageSource.open(sample("office-visit-note-photo.jpg"), FileFormat.JPEG)) {
            SourcePage page = pages.page(1);

            assertThat(page.dpi()).isEqualTo(200);
            assertThat(page.dpiEstimated()).isFalse();
        }
    }

    @Test
    void shouldReadThePngResolutionFromItsPhysChunk() throws Exception {
        try (PageSource pages = PageSource.open(sample("billing-ledger.png"), FileFormat.PNG)) {
            SourcePage page = pages.page(1);

            assertThat(page.dpi()).isEqualTo(200);
            assertThat(page.dpiEstimated()).isFalse();
        }
    }

    @Test
    void shouldEstimateAMissingResolutionFromALetterPageAndSaySo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("no-dpi.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1700, 2200, java.awt.image.BufferedImage.TYPE_BYTE_GRAY),
                "png", file.toFile());

        try (PageSource pages = PageSource.open(file, FileFormat.PNG)) {
            SourcePage page = pages.page(1);

            assertThat(page.dpi()).isEqualTo(200);
            assertThat(page.dpiEstimated()).isTrue();
        }
    }

    @Test
    void shouldReadAPngSavedWithAPdfNameAsThePngItIs() throws Exception {
        try (PageSource pages = PageSource.open(sample("scan-saved-with-pdf-extension.pdf"), FileFormat.PNG)) {
            assertThat(pages.pageCount()).isEqualTo(1);
            assertThat(pages.page(1).width()).isEqualTo(1700);
        }
    }

    @Test
    void shouldRefuseAPageAboveThePixelLimitSayingWhichPageAndWhy() throws Exception {
        PageSourceOptions small = PageSourceOptions.defaults().withMaxPixels(3_000_000L);
        try (PageSource pages = PageSource.open(sample("fax-medication-list.tiff"), FileFormat.TIFF, small)) {
            assertThatThrownBy(() -> pages.page(2))
                    .isInstanceOf(PageTooLargeException.class)
                    .hasMessageContaining("fax-medication-list.tiff, page 2")
                    .hasMessageContaining("1728 x 2244 px")
                    .hasMessageContaining("above the limit of 3.0 megapixels")
                    .satisfies(e -> assertThat(((PageTooLargeException) e).page()).isEqualTo(2));
        }
        try (PageSource pages = PageSource.open(sample("typed-intake-form.pdf"), FileFormat.PDF, small)) {
            assertThatThrownBy(() -> pages.page(1)).isInstanceOf(PageTooLargeException.class)
                    .hasMessageContaining("page 1");
        }
    }

    @Test
    void shouldRejectAFormatThatHasNoPages() {
        assertThatThrownBy(() -> PageSource.open(sample("patients-export.xlsx"), FileFormat.XLSX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XLSX");
    }

    private static double darkPixels(BufferedImage gray, Rectangle box) {
        int dark = 0;
        for (int y = box.y; y < box.y + box.height; y++) {
            for (int x = box.x; x < box.x + box.width; x++) {
                if ((gray.getRaster().getSample(x, y, 0)) < 128) {
                    dark++;
                }
            }
        }
        return (double) dark / (box.width * box.height);
    }

    @Test
    void shouldRefuseAPdfPageWhoseImageCannotBeDecodedAsIntakeWould() throws Exception {
        // PDFBox alone would log the broken image and render the page without it: a blank page
        try (PageSource pages = PageSource.open(Fixtures.resource("external/pdf-malformed/qpdf/bad-jpeg.pdf"),
                FileFormat.PDF)) {
            assertThatThrownBy(() -> pages.page(1)).isInstanceOf(DamagedFileException.class)
                    .hasMessageStartingWith("damaged PDF: page 1 of 1 cannot be read (");
        }
    }

    @Test
    void shouldRefuseATruncatedImageAsIntakeWould(@TempDir Path dir) throws Exception {
        try (PageSource pages = PageSource.open(Fixtures.truncatedPng(dir), FileFormat.PNG)) {
            assertThatThrownBy(() -> pages.page(1)).isInstanceOf(DamagedFileException.class)
                    .hasMessageStartingWith("damaged PNG image: ").hasMessageNotContaining("truncated.png");
        }
    }
}
